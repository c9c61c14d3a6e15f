using System.Collections.Immutable;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Reservations.Grains.Tenants;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// src/Silo as a process of its own, configured only by environment variables, reached by an
/// Orleans client through its gateway: what an API gateway of the cluster will do. A kill -9 and a
/// restart on the same SQLite file keep what the grains wrote.
/// </summary>
public sealed class SiloHostTests : IDisposable
{
    private const string ClusterId = "silo-host-test";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("silo-host-");
    private readonly int _siloPort = FreePorts.Next();
    private readonly int _gatewayPort = FreePorts.Next();
    private readonly List<Process> _silos = [];

    [Fact]
    public async Task SiloProcess_ClientThroughGateway_WritesSurviveKillNine()
    {
        var first = await StartSiloAsync();
        var key = await CallAsync(tenant => tenant.CreateAsync(new TenantSettings("Through the gateway", TenantDomain.Bus, ImmutableArray<string>.Empty)));
        Assert.NotNull(key);
        await KillAsync(first);

        var second = await StartSiloAsync();
        var view = await CallAsync(tenant => tenant.GetAsync());
        Assert.Equal("Through the gateway", view?.Name);
        await KillAsync(second);
    }

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true); // a failed test's silo
                silo.WaitForExit();
            }

            silo.Dispose();
        }

        _data.Delete(recursive: true);
    }

    private async Task<Process> StartSiloAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _data.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloDll());
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Orleans__ClusterId"] = ClusterId;
        start.Environment["Orleans__SiloPort"] = _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "reservations.db");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _silos.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The gateway listens once the silo has started; until then, connecting is refused.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the silo exited with code {(process.HasExited ? process.ExitCode : 0)} while starting");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", _gatewayPort);
                return process;
            }
            catch (SocketException) when (waited.Elapsed < StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>Connects an Orleans client to the silo's gateway, calls one tenant grain, and disconnects.</summary>
    private async Task<T> CallAsync<T>(Func<ITenantGrain, Task<T>> call)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(_gatewayPort)
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (ClusterId, "reservations")));
        using var host = builder.Build();
        await host.StartAsync();
        var result = await call(host.Services.GetRequiredService<IClusterClient>().GetGrain<ITenantGrain>("APP-SILO-HOST-TEST"));
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
