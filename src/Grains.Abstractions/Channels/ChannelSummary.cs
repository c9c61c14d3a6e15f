namespace Reservations.Grains.Channels;

/// <summary>A sales channel as listed: its name and when it was created (never its key).</summary>
[GenerateSerializer, Immutable, Alias("reservations.channel-summary")]
public sealed record ChannelSummary([property: Id(0)] string Name, [property: Id(1)] DateTimeOffset CreatedAt);
