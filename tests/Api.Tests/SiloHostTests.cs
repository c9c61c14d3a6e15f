using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
using Reservations.Api.Tests.Infrastructure;
using Reservations.Grains.Tenants;
using Reservations.TestSupport;
using StackExchange.Redis;

namespace Reservations.Api.Tests;

/// <summary>
/// src/Silo as processes of their own, reached by an Orleans client through their gateways, as an
/// API gateway reaches them: alone on SQLite (a kill -9 and a restart keep what the grains wrote),
/// and two of them on Redis membership and PostgreSQL forming one cluster. Each serves
/// /health/live, /health/ready and /metrics on its own HTTP port.
/// </summary>
public sealed class SiloHostTests : IDisposable
{
    private readonly SiloProcesses _silos = new();

    [Fact]
    public async Task OneSiloOnSqlite_ClientThroughGateway_WritesSurviveKillNine()
    {
        var gatewayPort = FreePorts.Next();
        var sqlite = new Dictionary<string, string> { ["Storage__Sqlite__Path"] = Path.Combine(_silos.Data.FullName, "reservations.db") };
        var first = await _silos.StartAsync(sqlite, gatewayPort);
        var key = await CallAsync(Localhost(gatewayPort), tenant => tenant.CreateAsync(new TenantSettings("Through the gateway", TenantDomain.Bus, [])));
        Assert.NotNull(key);
        await SiloProcesses.KillAsync(first);

        var second = await _silos.StartAsync(sqlite, gatewayPort);
        var view = await CallAsync(Localhost(gatewayPort), tenant => tenant.GetAsync());
        Assert.Equal("Through the gateway", view?.Name);
        await SiloProcesses.KillAsync(second);
    }

    [Fact]
    public async Task TwoSilosOnRedisAndPostgres_FormOneCluster_AndShareGrainState()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var cluster = _silos.RedisAndPostgres(database.ConnectionString);
        await _silos.StartAsync(cluster);
        await _silos.StartAsync(cluster);

        void Redis(IClientBuilder client) => client.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(RedisServer.Configuration));
        var hosts = await CallAsync(Redis, async (IManagementGrain management) =>
            await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true), active => active.Count == 2, "both silos active"));
        Assert.Equal(2, hosts.Count);

        Assert.NotNull(await CallAsync(Redis, (ITenantGrain tenant) => tenant.CreateAsync(new TenantSettings("Clustered", TenantDomain.Movie, []))));
        var view = await CallAsync(Redis, (ITenantGrain tenant) => tenant.GetAsync());
        Assert.Equal("Clustered", view?.Name);
    }

    [Fact]
    public async Task OneSilo_HttpListener_ServesLiveReadyAndMetrics()
    {
        var httpPort = FreePorts.Next();
        var sqlite = new Dictionary<string, string> { ["Storage__Sqlite__Path"] = Path.Combine(_silos.Data.FullName, "reservations.db") };
        await _silos.StartAsync(sqlite, httpPort: httpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        await Eventually.ReturnsAsync(() => StatusAsync(http, "/health/ready"), status => status == HttpStatusCode.OK, "the silo ready");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, "/health/live"));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("\norleans_catalog_activations{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneSiloOnPostgres_DatabaseDropped_Ready503NotReady()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var httpPort = FreePorts.Next();
        var postgres = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Storage__Sqlite__Path"] = Path.Combine(_silos.Data.FullName, "unused.db"),
            ["Health__StorageCheckInterval"] = "00:00:00",
        };
        await _silos.StartAsync(postgres, httpPort: httpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await Eventually.ReturnsAsync(() => StatusAsync(http, "/health/ready"), status => status == HttpStatusCode.OK, "the silo ready");

        await database.DisposeAsync();

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"error\":\"not_ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, "/health/live"));
    }

    public void Dispose() => _silos.Dispose();

    /// <summary>The status of a GET, or null while nothing listens yet (HTTP starts after the silo).</summary>
    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static Action<IClientBuilder> Localhost(int gatewayPort) => client => client.UseLocalhostClustering(gatewayPort);

    private Task<T> CallAsync<T>(Action<IClientBuilder> clustering, Func<ITenantGrain, Task<T>> call) =>
        CallAsync(clustering, (IClusterClient client) => call(client.GetGrain<ITenantGrain>("APP-SILO-HOST-TEST")));

    private Task<T> CallAsync<T>(Action<IClientBuilder> clustering, Func<IManagementGrain, Task<T>> call) =>
        CallAsync(clustering, (IClusterClient client) => call(client.GetGrain<IManagementGrain>(0)));

    /// <summary>Connects an Orleans client of this test's cluster, makes one call, and disconnects.</summary>
    private async Task<T> CallAsync<T>(Action<IClientBuilder> clustering, Func<IClusterClient, Task<T>> call)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (_silos.ClusterId, SiloProcesses.ServiceId));
        });
        using var host = builder.Build();
        await host.StartAsync();
        var result = await call(host.Services.GetRequiredService<IClusterClient>());
        await host.StopAsync();
        return result;
    }
}
