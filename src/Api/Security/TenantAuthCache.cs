using System.Collections.Concurrent;
using Reservations.Api.Hosting;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Security;

/// <summary>
/// TenantAuth per app for a few seconds, so authenticating a request rarely calls the tenant grain.
/// Changes made through this process invalidate at once; changes made elsewhere show within the TTL.
/// </summary>
internal sealed class TenantAuthCache(GrainReferences grains)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async ValueTask<TenantAuth?> GetAsync(string appId)
    {
        // Real time, not the silo's clock: this is infrastructure, and tests move the silo's clock.
        if (_entries.TryGetValue(appId, out var entry) && TimeProvider.System.GetElapsedTime(entry.FetchedAt) < TimeToLive)
        {
            return entry.Auth;
        }

        var generation = Interlocked.Read(ref _generation);
        var auth = await grains.GetGrain<ITenantGrain>(appId).GetAuthAsync();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // An invalidation while we were asking may mean our answer is already stale: do not keep it.
        if (Interlocked.Read(ref _generation) == generation)
        {
            _entries[appId] = new Entry(auth, TimeProvider.System.GetTimestamp());
        }

        return auth;
    }

    public void Invalidate(string appId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(appId, out _);
    }

    private sealed record Entry(TenantAuth? Auth, long FetchedAt);
}
