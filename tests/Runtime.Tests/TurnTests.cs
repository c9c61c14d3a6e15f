using Reservations.Runtime.Storage.InMemory;
using Reservations.Runtime.Tests.Grains;
using Reservations.TestingHost;

namespace Reservations.Runtime.Tests;

public sealed class TurnTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly TestCluster _cluster;

    public TurnTests()
    {
        var storage = new InMemoryStorage();
        _cluster = RuntimeTestCluster.Create(() => storage, _probe);
    }

    public Task InitializeAsync() => _cluster.StartSiloAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task Turns_ThousandConcurrentCallers_StateExactAndNoTurnsOverlap()
    {
        var counter = _cluster.GrainFactory.GetGrain<ICounterGrain>("hot");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.IncrementUnsafelyAsync())));

        Assert.Equal(1000, await counter.GetAsync());
        Assert.Equal(0, _probe.Overlaps);
    }

    [Fact]
    public async Task Turns_CallArrivesWhileTurnAwaits_RunsOnlyAfterTurnEnds()
    {
        var counter = _cluster.GrainFactory.GetGrain<ICounterGrain>("gated");
        var gated = counter.WaitAtGateAsync();
        await _probe.WhenSignalled("at-gate");

        var get = counter.GetAsync();
        _probe.Gate.SetResult();
        await Task.WhenAll(gated, get);

        Assert.Equal(["gate-start", "gate-end", "get"], _probe.Events);
    }

    [Fact]
    public async Task Reentrancy_CallCycleBackIntoBusyGrain_TimesOutInsteadOfInterleaving()
    {
        var origin = _cluster.GrainFactory.GetGrain<ICycleGrain>("a");
        var cycle = origin.CallThroughAsync("b");
        await _probe.WhenSignalled("ping-queued");
        Assert.False(cycle.IsCompleted);

        _cluster.Time.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => cycle);
    }

    [Fact]
    public async Task CallTimeout_GrainNeverCompletes_CallerTimesOutAfterCallTimeout()
    {
        var counter = _cluster.GrainFactory.GetGrain<ICounterGrain>("stuck");
        var call = counter.NeverCompleteAsync();

        _cluster.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        _cluster.Time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Contains("counter/stuck", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_GrainThrows_CallerGetsTheExceptionAndGrainStaysUsable()
    {
        var counter = _cluster.GrainFactory.GetGrain<ICounterGrain>("thrower");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.ThrowAsync("boom"));

        Assert.Equal("boom", thrown.Message);
        Assert.Equal(0, await counter.GetAsync());
    }

    [Fact]
    public async Task CallTimeout_CallsQueuedBehindStuckTurn_AllTimeOutAndGrainServesLaterCallsOnceFreed()
    {
        var counter = _cluster.GrainFactory.GetGrain<ICounterGrain>("queue");
        var gated = counter.WaitAtGateAsync();
        await _probe.WhenSignalled("at-gate");
        var queued = Enumerable.Range(0, 10).Select(_ => counter.GetAsync()).ToList();

        _cluster.Time.Advance(TimeSpan.FromSeconds(31));

        foreach (var call in queued)
        {
            await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        }

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => gated);
        _probe.Gate.SetResult();
        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(["gate-start", "gate-end", "get"], _probe.Events);
    }
}
