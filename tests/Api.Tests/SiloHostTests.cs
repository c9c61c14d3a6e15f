using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
using Reservations.Grains.Tenants;
using Reservations.TestSupport;
using StackExchange.Redis;

namespace Reservations.Api.Tests;

/// <summary>
/// src/Silo as processes of their own, configured only by environment variables, reached by an
/// Orleans client through their gateways, as an API gateway of the cluster will: alone on SQLite
/// (a kill -9 and a restart keep what the grains wrote), and two of them on Redis membership and
/// PostgreSQL forming one cluster. Each serves /health/live, /health/ready and /metrics on its own HTTP port.
/// </summary>
public sealed class SiloHostTests : IDisposable
{
    private const string ServiceId = "reservations";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("silo-host-");
    private readonly string _clusterId = $"silo-host-{Guid.NewGuid():N}";
    private readonly List<Process> _silos = [];

    [Fact]
    public async Task OneSiloOnSqlite_ClientThroughGateway_WritesSurviveKillNine()
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        var sqlite = new Dictionary<string, string> { ["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "reservations.db") };
        var first = await StartSiloAsync(siloPort, gatewayPort, sqlite);
        var key = await CallAsync(Localhost(gatewayPort), tenant => tenant.CreateAsync(new TenantSettings("Through the gateway", TenantDomain.Bus, [])));
        Assert.NotNull(key);
        await KillAsync(first);

        var second = await StartSiloAsync(siloPort, gatewayPort, sqlite);
        var view = await CallAsync(Localhost(gatewayPort), tenant => tenant.GetAsync());
        Assert.Equal("Through the gateway", view?.Name);
        await KillAsync(second);
    }

    [Fact]
    public async Task TwoSilosOnRedisAndPostgres_FormOneCluster_AndShareGrainState()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var cluster = new Dictionary<string, string>
        {
            ["Orleans__Membership"] = "Redis",
            ["ConnectionStrings__Redis"] = RedisServer.Configuration,
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "reservations.db"),
        };
        await StartSiloAsync(FreePorts.Next(), FreePorts.Next(), cluster);
        await StartSiloAsync(FreePorts.Next(), FreePorts.Next(), cluster);

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
        var sqlite = new Dictionary<string, string> { ["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "reservations.db") };
        await StartSiloAsync(FreePorts.Next(), FreePorts.Next(), sqlite, httpPort);
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
            ["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "unused.db"),
            ["Health__StorageCheckInterval"] = "00:00:00",
        };
        await StartSiloAsync(FreePorts.Next(), FreePorts.Next(), postgres, httpPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await Eventually.ReturnsAsync(() => StatusAsync(http, "/health/ready"), status => status == HttpStatusCode.OK, "the silo ready");

        await database.DisposeAsync();

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"error\":\"not_ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, "/health/live"));
    }

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
                silo.WaitForExit();
            }

            silo.Dispose();
        }

        _data.Delete(recursive: true);
    }

    private async Task<Process> StartSiloAsync(int siloPort, int gatewayPort, IReadOnlyDictionary<string, string> settings, int? httpPort = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _data.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloDll());
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Orleans__ClusterId"] = _clusterId;
        start.Environment["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort ?? FreePorts.Next()}";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _silos.Add(process);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The gateway listens once the silo has started; until then, connecting is refused.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the silo exited while starting:\n{string.Join('\n', output.TakeLast(30))}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", gatewayPort);
                return process;
            }
            catch (SocketException) when (waited.Elapsed < StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

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
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (_clusterId, ServiceId));
        });
        using var host = builder.Build();
        await host.StartAsync();
        var result = await call(host.Services.GetRequiredService<IClusterClient>());
        await host.StopAsync();
        return result;
    }

    private static async Task KillAsync(Process silo)
    {
        silo.Kill(entireProcessTree: true);
        await silo.WaitForExitAsync();
    }

    /// <summary>src/Silo's build of the configuration these tests were built in (scripts/test.sh builds Release).</summary>
    private static string SiloDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var dll = Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, "net10.0", "Reservations.Silo.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException($"src/Silo is not built in {configuration} above {AppContext.BaseDirectory}.");
    }
}
