namespace Reservations.LoadTest.Core;

/// <summary>The one HttpClient of a run: a pool of at most <c>connections</c> keep-alive connections shared by all users.</summary>
public static class LoadTestHttp
{
    public static HttpClient Create(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
