using System.Collections.Concurrent;
using Reservations.Api.Hosting;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Security;

/// <summary>
/// TenantAuth per app for a few seconds, so authenticating a request rarely calls the tenant grain.
/// Changes made through this process invalidate at once; changes made through another gateway show
/// here within <see cref="TimeToLive"/> (docs/operations.md). An app id that names no app is
/// remembered apart, for <see cref="UnknownTimeToLive"/>, in a table of its own: a flood of made-up
/// ids neither reaches a grain each time nor pushes real apps out of the cache.
/// </summary>
internal sealed class TenantAuthCache(GrainReferences grains, [FromKeyedServices(TenantAuthCache.ClockKey)] TimeProvider clock)
{
    /// <summary>
    /// The cache's own clock, real time by default: infrastructure, not the engine's clock, which
    /// tests move for holds. Tests of the bound replace it.
    /// </summary>
    public const string ClockKey = "tenant-auth-cache";

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan UnknownTimeToLive = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 10_000;
    private const int MaxUnknown = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unknown = new(StringComparer.Ordinal);
    private long _generation;

    public async ValueTask<TenantAuth?> GetAsync(string appId)
    {
        if (_entries.TryGetValue(appId, out var entry) && clock.GetElapsedTime(entry.FetchedAt) < TimeToLive)
        {
            return entry.Auth;
        }

        if (_unknown.TryGetValue(appId, out var refusedAt) && clock.GetElapsedTime(refusedAt) < UnknownTimeToLive)
        {
            return null;
        }

        var generation = Interlocked.Read(ref _generation);
        var auth = await grains.GetGrain<ITenantGrain>(appId).GetAuthAsync();
        // An invalidation while we were asking may mean our answer is already stale: do not keep it.
        if (Interlocked.Read(ref _generation) != generation)
        {
            return auth;
        }

        if (auth is null)
        {
            Remember(_unknown, MaxUnknown, appId, clock.GetTimestamp());
            _entries.TryRemove(appId, out _);
        }
        else
        {
            Remember(_entries, MaxEntries, appId, new Entry(auth, clock.GetTimestamp()));
            _unknown.TryRemove(appId, out _);
        }

        return auth;
    }

    public void Invalidate(string appId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(appId, out _);
        _unknown.TryRemove(appId, out _);
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> table, int capacity, string appId, T value)
    {
        if (table.Count >= capacity)
        {
            table.Clear();
        }

        table[appId] = value;
    }

    private sealed record Entry(TenantAuth Auth, long FetchedAt);
}
