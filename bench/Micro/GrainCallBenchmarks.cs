using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reservations.Micro;

/// <summary>
/// Orleans grain-call throughput in a co-hosted silo, as the embedded API calls its grains: one hot
/// grain with 256 concurrent callers, 1,000 grains called in parallel, and 1,000 grains never called
/// before, each activated by its one call (as every fresh hold activates its seat). Each benchmark operation
/// is one grain call (OperationsPerInvoke), so the reported mean is time per call and 1 / mean is
/// calls per second.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private const int HotCallers = 256;
    private const int CallsPerHotCaller = 200;
    private const int Grains = 1000;
    private const int CallsPerGrain = 50;

    private IHost? _host;
    private IPingGrain _hot = null!;
    private IPingGrain[] _many = [];
    private IGrainFactory _factory = null!;
    private int _freshRound;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 21111, gatewayPort: 0));
        _host = builder.Build();
        await _host.StartAsync();
        var factory = _factory = _host.Services.GetRequiredService<IGrainFactory>();
        _hot = factory.GetGrain<IPingGrain>("hot");
        _many = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IPingGrain>($"g{i}")).ToArray();
        await Task.WhenAll(_many.Select(g => g.PingAsync(0)));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _host!.StopAsync();
        _host.Dispose();
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public Task<int> SingleCall() => _hot.PingAsync(1);

    [Benchmark(OperationsPerInvoke = HotCallers * CallsPerHotCaller)]
    public Task HotGrain256Callers() => Task.WhenAll(Enumerable.Range(0, HotCallers).Select(_ => Task.Run(() => CallRepeatedlyAsync(_hot, CallsPerHotCaller))));

    [Benchmark(OperationsPerInvoke = Grains * CallsPerGrain)]
    public Task ThousandGrainsInParallel() => Task.WhenAll(_many.Select(g => Task.Run(() => CallRepeatedlyAsync(g, CallsPerGrain))));

    [Benchmark(OperationsPerInvoke = Grains)]
    public Task ThousandFreshGrainsInParallel()
    {
        var round = ++_freshRound;
        return Task.WhenAll(Enumerable.Range(0, Grains).Select(i => Task.Run(() => _factory.GetGrain<IPingGrain>($"f{round}.{i}").PingAsync(i))));
    }

    private static async Task CallRepeatedlyAsync(IPingGrain grain, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            await grain.PingAsync(i);
        }
    }
}
