namespace Reservations.LoadTest.Core;

/// <summary>
/// The API processes (gateways of one cluster) a run spreads its users over, each with a connection pool of its own.
/// The first one also carries the setup and the final read of the engine's bookings.
/// </summary>
public sealed class Gateways : IDisposable
{
    private readonly IReadOnlyList<HttpClient> _clients;
    private readonly IReadOnlyList<HttpClient> _watchClients;

    /// <param name="watchClients">Per gateway, the client seat-map watchers use; by default the users' own.</param>
    public Gateways(IReadOnlyList<HttpClient> clients, GatewaySpread spread, IReadOnlyList<HttpClient>? watchClients = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(clients.Count);
        _clients = clients;
        _watchClients = watchClients ?? clients;
        Spread = spread;
    }

    public Gateways(HttpClient single)
        : this([single], GatewaySpread.PerUser)
    {
    }

    public GatewaySpread Spread { get; }

    public int Count => _clients.Count;

    public HttpClient First => _clients[0];

    public HttpClient this[int gateway] => _clients[gateway];

    /// <summary>
    /// One pool of <paramref name="connectionsPerUrl"/> connections per URL; seat-map watchers get pools of their own,
    /// so their long-lived streams never take a connection from the users.
    /// </summary>
    public static Gateways Create(IReadOnlyList<Uri> urls, int connectionsPerUrl, GatewaySpread spread, int watchers = 0) => new(
        [.. urls.Select(url => LoadTestHttp.Create(url, connectionsPerUrl))],
        spread,
        watchers > 0 ? [.. urls.Select(url => LoadTestHttp.CreateStreaming(url, watchers))] : null);

    /// <summary>The client a seat-map watcher of this gateway streams through.</summary>
    public HttpClient WatchClient(int gateway) => _watchClients[gateway];

    public string NameOf(int gateway) => _clients[gateway].BaseAddress?.ToString() ?? $"gateway {gateway}";

    /// <summary>The gateway that carries this user's next request.</summary>
    public int For(UserSession user) => Spread == GatewaySpread.PerUser
        ? user.HomeGateway
        : (int)(((uint)user.HomeGateway + user.NextRequestNumber()) % (uint)_clients.Count);

    public void Dispose()
    {
        foreach (var client in _clients.Union(_watchClients))
        {
            client.Dispose();
        }
    }
}
