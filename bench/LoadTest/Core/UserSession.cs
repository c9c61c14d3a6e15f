using Reservations.Client;

namespace Reservations.LoadTest.Core;

/// <summary>
/// A signed-up user of the load test's app, the gateway it is pinned to, and per gateway the client that calls with its
/// token (made once, so a request copies no header).
/// </summary>
public sealed class UserSession(string userId, string token, IReadOnlyList<ReservationsClient> clients, int homeGateway)
{
    private int _requests;

    public string UserId { get; } = userId;

    /// <summary>The bearer token, for a session of the same user on other gateways (an engine restarted on a new port).</summary>
    public string Token { get; } = token;

    public int HomeGateway { get; } = homeGateway;

    /// <summary>The client that calls <paramref name="gateway"/> as this user.</summary>
    public ReservationsClient ClientAt(int gateway) => clients[gateway];

    /// <summary>Numbers this user's requests 0, 1, 2, ...; atomic because repeated Pay clicks run at once.</summary>
    public uint NextRequestNumber() => (uint)Interlocked.Increment(ref _requests) - 1;
}
