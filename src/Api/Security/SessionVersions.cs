using System.Collections.Concurrent;
using System.Security.Claims;
using Reservations.Api.Hosting;
using Reservations.Grains.Sessions;

namespace Reservations.Api.Security;

/// <summary>
/// Each account's session version (<see cref="ISessionsGrain"/>) for <see cref="TimeToLive"/>, so
/// checking that a token was not revoked rarely calls a grain. A revocation made through this process
/// counts here at once; one made through another shows here within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class SessionVersions(GrainReferences grains, [FromKeyedServices(TenantAuthCache.ClockKey)] TimeProvider clock)
{
    /// <summary>The claim every token carries: its account's session version when it was given.</summary>
    public const string VersionClaim = "sv";

    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Whether the token's version is still its account's.</summary>
    public async ValueTask<bool> IsCurrentAsync(TokenIdentity token) =>
        token is { Account: { } account, SessionVersion: var version } && version >= await GetAsync(account);

    public async ValueTask<int> GetAsync(string account)
    {
        if (_entries.TryGetValue(account, out var entry) && clock.GetElapsedTime(entry.FetchedAt) < TimeToLive)
        {
            return entry.Version;
        }

        var version = await grains.GetGrain<ISessionsGrain>(account).GetVersionAsync();
        Remember(account, version);
        return version;
    }

    /// <summary>Invalidates every token of the account given so far; returns the version for new ones.</summary>
    public async Task<int> RevokeAllAsync(string account)
    {
        var version = await grains.GetGrain<ISessionsGrain>(account).RevokeAllAsync();
        Remember(account, version);
        return version;
    }

    private void Remember(string account, int version)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Versions only rise: a slower, older answer never replaces a newer one.
        _entries.AddOrUpdate(account, new Entry(version, clock.GetTimestamp()), (_, old) => version >= old.Version ? new Entry(version, clock.GetTimestamp()) : old);
    }

    private sealed record Entry(int Version, long FetchedAt);
}
