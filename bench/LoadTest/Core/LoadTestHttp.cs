namespace Reservations.LoadTest.Core;

/// <summary>The one HttpClient of a run: a pool of at most <c>connections</c> keep-alive connections shared by all users.</summary>
public static class LoadTestHttp
{
    public static HttpClient Create(Uri baseAddress, int connections) => new(Handler(connections))
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>For responses that last the whole run (the seat map's event streams): no overall timeout.</summary>
    public static HttpClient CreateStreaming(Uri baseAddress, int connections) => new(Handler(connections))
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
    };
}
