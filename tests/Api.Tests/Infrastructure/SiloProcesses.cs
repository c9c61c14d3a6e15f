using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// src/Silo processes of one test cluster, configured only by environment variables, each started
/// once its gateway accepts connections; disposing kills whatever still runs and deletes their folder.
/// </summary>
public sealed class SiloProcesses : IDisposable
{
    public const string ServiceId = "reservations";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<Process> _silos = [];

    public DirectoryInfo Data { get; } = Directory.CreateTempSubdirectory("silo-host-");

    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>Settings of a cluster on Redis membership and PostgreSQL storage, for silos and gateways alike.</summary>
    public IReadOnlyDictionary<string, string> RedisAndPostgres(string postgres) => new Dictionary<string, string>
    {
        ["Orleans__Membership"] = "Redis",
        ["ConnectionStrings__Redis"] = RedisServer.Configuration,
        ["Storage__Provider"] = "Postgres",
        ["Webhooks__SigningKey"] = ApiFixture.SigningKey,
        ["ConnectionStrings__Postgres"] = postgres,
        ["Storage__Sqlite__Path"] = Path.Combine(Data.FullName, "reservations.db"),
    };

    public async Task<Process> StartAsync(IReadOnlyDictionary<string, string> settings, int? gatewayPort = null, int? httpPort = null)
    {
        var gateway = gatewayPort ?? FreePorts.Next();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Data.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloDll());
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Orleans__ClusterId"] = ClusterId;
        start.Environment["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture);
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort ?? FreePorts.Next()}";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _silos.Add(process);
        var output = new ConcurrentQueue<string>();
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
                await probe.ConnectAsync("127.0.0.1", gateway);
                return process;
            }
            catch (SocketException) when (waited.Elapsed < StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    public static async Task KillAsync(Process silo)
    {
        silo.Kill(entireProcessTree: true);
        await silo.WaitForExitAsync();
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

        Data.Delete(recursive: true);
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
