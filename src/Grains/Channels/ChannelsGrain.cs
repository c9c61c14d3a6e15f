using System.Collections.Immutable;

namespace Reservations.Grains.Channels;

/// <summary>An app's sales channels: names and key hashes, written when a channel is added.</summary>
public sealed class ChannelsGrain(
    [PersistentState("channels")] IPersistentState<ChannelsState> channels,
    TimeProvider time) : Grain, IChannelsGrain
{
    /// <summary>The most channels an app may have.</summary>
    public const int MaxChannels = 100;

    private List<ChannelsState.Channel> Channels => channels.State.Channels;

    async Task<string?> IChannelsGrain.TryCreateAsync(string name)
    {
        if (Channels.Count >= MaxChannels || Channels.Exists(c => c.Name == name))
        {
            return null;
        }

        var key = "chk_" + Secrets.NewToken();
        Channels.Add(new ChannelsState.Channel { Name = name, KeyHash = Secrets.Sha256(key), CreatedAt = time.GetUtcNow() });
        try
        {
            await channels.WriteStateAsync();
        }
        catch
        {
            Channels.RemoveAt(Channels.Count - 1);
            throw;
        }

        return key;
    }

    Task<string?> IChannelsGrain.ResolveAsync(string key)
    {
        // Every hash is compared, in constant time each, so the answer's timing does not tell which one matched.
        string? found = null;
        foreach (var channel in Channels)
        {
            found = Secrets.Matches(key, channel.KeyHash) ? channel.Name : found;
        }

        return Task.FromResult(found);
    }

    Task<bool> IChannelsGrain.ExistsAsync(string name) => Task.FromResult(Channels.Exists(c => c.Name == name));

    Task<ImmutableArray<ChannelSummary>> IChannelsGrain.ListAsync() =>
        Task.FromResult<ImmutableArray<ChannelSummary>>([.. Channels.Select(c => new ChannelSummary(c.Name, c.CreatedAt))]);
}
