using Microsoft.Extensions.Options;
using Reservations.Api.Hosting;
using Reservations.Grains;

namespace Reservations.Api.SeatMap;

/// <summary>
/// This process's seat-map feeds, one per watched app and entity (keys are app-scoped, I6), kept while at
/// least one client watches: however many browsers watch an entity, its pages know one observer per process.
/// </summary>
internal sealed class SeatMapFeeds(GrainReferences grains, IGrainFactory factory, IOptions<SeatMapOptions> options, ILogger<SeatMapFeeds> logger)
{
    private readonly Dictionary<string, SeatMapFeed> _feeds = [];

    public int Count
    {
        get
        {
            lock (_feeds)
            {
                return _feeds.Count;
            }
        }
    }

    /// <summary>
    /// Joins the entity's feed, registering with its pages first, so the snapshot is fresh (a reconnecting
    /// client sees what changed while it was away); a failure to reach the pages is the caller's.
    /// </summary>
    public async Task<SeatMapSubscription> WatchAsync(string appId, string entityId)
    {
        var key = GrainKeys.Scoped(appId, entityId);
        SeatMapFeed? feed;
        lock (_feeds)
        {
            if (!_feeds.TryGetValue(key, out feed))
            {
                feed = new SeatMapFeed(appId, entityId, grains, factory);
                feed.Start();
                _feeds.Add(key, feed);
            }

            feed.References++;
        }

        try
        {
            await feed.WatchPagesAsync();
            var client = feed.Join(options.Value.ClientBuffer, out var snapshot);
            return new SeatMapSubscription(this, feed, client, snapshot);
        }
        catch
        {
            Release(feed, null);
            throw;
        }
    }

    /// <summary>The feeds watched now.</summary>
    public IReadOnlyList<SeatMapFeed> Current()
    {
        lock (_feeds)
        {
            return [.. _feeds.Values];
        }
    }

    public void Release(SeatMapFeed feed, SeatMapClient? client)
    {
        if (client is not null)
        {
            feed.Leave(client);
        }

        lock (_feeds)
        {
            if (--feed.References > 0)
            {
                return;
            }

            _feeds.Remove(GrainKeys.Scoped(feed.AppId, feed.EntityId));
        }

        try
        {
            feed.Unwatch();
        }
        catch (Exception exception)
        {
            // The engine is going away (the host stops): the pages drop this watcher at their expiry.
            ApiLog.SeatMapUnwatchFailed(logger, exception, feed.AppId, feed.EntityId);
        }
    }
}
