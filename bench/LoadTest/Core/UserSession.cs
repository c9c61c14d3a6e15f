using System.Net.Http.Headers;

namespace Reservations.LoadTest.Core;

/// <summary>A signed-up user of the load test's app, the bearer header its requests carry, and the gateway it is pinned to.</summary>
public sealed class UserSession(string userId, AuthenticationHeaderValue authorization, int homeGateway)
{
    private int _requests;

    public string UserId { get; } = userId;

    public AuthenticationHeaderValue Authorization { get; } = authorization;

    public int HomeGateway { get; } = homeGateway;

    /// <summary>Numbers this user's requests 0, 1, 2, ...; atomic because repeated Pay clicks run at once.</summary>
    public uint NextRequestNumber() => (uint)Interlocked.Increment(ref _requests) - 1;
}
