using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// This silo's copy of each app's webhook endpoints, so that a seat decides whether a change makes
/// events without a grain call. The endpoints grain updates the copy of the silo it lives on at
/// once; other silos reread an app's list when theirs is older than <see cref="FreshFor"/> (reading
/// in the background, answering with the copy meanwhile), so a new endpoint hears of every change
/// made from then on everywhere within that time.
/// </summary>
public sealed class WebhookSubscriptions(IGrainFactory grains)
{
    /// <summary>How long a silo trusts its copy of an app's list.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _apps = new(StringComparer.Ordinal);

    /// <summary>The app's endpoints as this silo knows them; read from the app's endpoints grain the first time.</summary>
    public ValueTask<ImmutableArray<WebhookEndpoint>> GetAsync(string appId)
    {
        if (!_apps.TryGetValue(appId, out var entry))
        {
            return new ValueTask<ImmutableArray<WebhookEndpoint>>(ReadAsync(appId));
        }

        if (Environment.TickCount64 - entry.ReadAt > (long)FreshFor.TotalMilliseconds && entry.TryStartRefresh())
        {
            _ = ReadAsync(appId);
        }

        return new ValueTask<ImmutableArray<WebhookEndpoint>>(entry.Endpoints);
    }

    /// <summary>The app's list as its endpoints grain just stored it.</summary>
    public void Set(string appId, ImmutableArray<WebhookEndpoint> endpoints) => _apps[appId] = new Entry(endpoints, Environment.TickCount64);

    private async Task<ImmutableArray<WebhookEndpoint>> ReadAsync(string appId)
    {
        try
        {
            var endpoints = await grains.Reference<IWebhookEndpointsGrain>(appId).ListAsync();
            Set(appId, endpoints);
            return endpoints;
        }
        catch when (_apps.TryGetValue(appId, out var stale))
        {
            stale.EndRefresh(); // keep the copy; the next change tries again
            return stale.Endpoints;
        }
    }

    private sealed class Entry(ImmutableArray<WebhookEndpoint> endpoints, long readAt)
    {
        private int _refreshing;

        public ImmutableArray<WebhookEndpoint> Endpoints { get; } = endpoints;

        public long ReadAt { get; } = readAt;

        public bool TryStartRefresh() => Interlocked.Exchange(ref _refreshing, 1) == 0;

        public void EndRefresh() => Volatile.Write(ref _refreshing, 0);
    }
}
