using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
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

    /// <summary>The account of a validated token: the admin's, or a user's of an app.</summary>
    public static string? AccountOf(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (subject is null)
        {
            return null;
        }

        return principal.HasClaim(TokenService.RoleClaim, TokenService.AdminRole)
            ? SessionKeys.Admin(subject)
            : principal.FindFirst(TokenService.AppClaim)?.Value is { } app ? SessionKeys.User(app, subject) : null;
    }

    /// <summary>Whether the token's version is still its account's.</summary>
    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (AccountOf(principal) is not { } account)
        {
            return false;
        }

        var version = int.TryParse(principal.FindFirst(VersionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return version >= await GetAsync(account);
    }

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
