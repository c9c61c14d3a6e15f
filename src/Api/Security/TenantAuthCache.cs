using System.Collections.Concurrent;
using Reservations.Api.Hosting;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Security;

/// <summary>
/// TenantAuth per app for a few seconds, so authenticating a request rarely calls the tenant grain.
/// Changes made through this process invalidate at once; changes made through another gateway show
/// here within <see cref="TimeToLive"/> (docs/operations.md).
/// </summary>
internal sealed class TenantAuthCache(GrainReferences grains, [FromKeyedServices(TenantAuthCache.ClockKey)] TimeProvider clock)
{
    /// <summary>
    /// The cache's own clock, real time by default: infrastructure, not the engine's clock, which
    /// tests move for holds. Tests of the bound replace it.
    /// </summary>
    public const string ClockKey = "tenant-auth-cache";

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async ValueTask<TenantAuth?> GetAsync(string appId)
    {
        if (_entries.TryGetValue(appId, out var entry) && clock.GetElapsedTime(entry.FetchedAt) < TimeToLive)
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
            _entries[appId] = new Entry(auth, clock.GetTimestamp());
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
