using System.Collections.Immutable;

namespace Reservations.Grains.Channels;

/// <summary>
/// The sales channels of one app (key: appId): a box office, a partner. Each has a name and its own key,
/// shown once and stored only as its SHA-256 (I7). Seats kept for a channel say so themselves
/// (<see cref="Seats.ISeatGrain.SetChannelAsync"/>); this grain only names channels and knows their keys.
/// </summary>
[Alias("reservations.channels")]
public interface IChannelsGrain : IGrainWithStringKey
{
    /// <summary>Adds a channel and returns its key; null when the app has a channel of that name, or as many as it may.</summary>
    Task<string?> TryCreateAsync(string name);

    /// <summary>The channel whose key this is, or null.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<string?> ResolveAsync(string key);

    /// <summary>Whether the app has a channel of that name.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<bool> ExistsAsync(string name);

    /// <summary>The app's channels, oldest first.</summary>
    Task<ImmutableArray<ChannelSummary>> ListAsync();
}
