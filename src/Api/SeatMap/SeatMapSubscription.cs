using System.Collections.Immutable;

namespace Reservations.Api.SeatMap;

/// <summary>One SSE client's place in a feed: the snapshot it starts from and the changes after it.</summary>
internal sealed class SeatMapSubscription(SeatMapFeeds feeds, SeatMapFeed feed, SeatMapClient client, ImmutableArray<LiveSeat> snapshot) : IDisposable
{
    private int _disposed;

    public string EntityId => feed.EntityId;

    public SeatMapClient Client => client;

    public ImmutableArray<LiveSeat> Snapshot => snapshot;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            feeds.Release(feed, client);
        }
    }
}
