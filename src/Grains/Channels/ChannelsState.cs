namespace Reservations.Grains.Channels;

/// <summary>An app's channels as stored: each key only as its SHA-256.</summary>
[GenerateSerializer, Alias("reservations.channels-state")]
public sealed class ChannelsState
{
    [Id(0)]
    public List<Channel> Channels { get; set; } = [];

    /// <summary>One channel.</summary>
    [GenerateSerializer, Alias("reservations.channels-state.channel")]
    public sealed class Channel
    {
        [Id(0)]
        public string Name { get; set; } = "";

        [Id(1)]
        public byte[] KeyHash { get; set; } = [];

        [Id(2)]
        public DateTimeOffset CreatedAt { get; set; }
    }
}
