using Reservations.Runtime.Storage.InMemory;
using Reservations.Runtime.Tests.Grains;
using Reservations.TestingHost;

namespace Reservations.Runtime.Tests;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly InMemoryStorage _storage = new();
    private readonly TestCluster _cluster;

    public LifecycleTests()
    {
        _cluster = RuntimeTestCluster.Create(() => _storage, _probe, options => options.CollectionAge = TimeSpan.FromMinutes(10));
    }

    public Task InitializeAsync() => _cluster.StartSiloAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task Collection_IdleActivation_IsDeactivatedAndReactivationReloadsState()
    {
        var silo = _cluster.Silos[0];
        var counter = _cluster.GrainFactory.GetGrain<IStoredCounterGrain>("c");
        await counter.IncrementAsync();
        await counter.IncrementAsync();
        var firstActivation = await counter.GetActivationIdAsync();

        _cluster.Time.Advance(TimeSpan.FromMinutes(11));
        silo.Silo.CollectIdleActivations();
        await _probe.WhenSignalled("deactivated:c");

        Assert.Contains("deactivated:IdleCollection", _probe.Events);
        Assert.Equal(2, await counter.GetAsync());
        Assert.NotEqual(firstActivation, await counter.GetActivationIdAsync());
        Assert.Equal(2, _probe.Activations);
    }

    [Fact]
    public async Task Collection_RecentlyUsedActivation_IsKept()
    {
        var silo = _cluster.Silos[0];
        var counter = _cluster.GrainFactory.GetGrain<IStoredCounterGrain>("busy");
        await counter.IncrementAsync();

        _cluster.Time.Advance(TimeSpan.FromMinutes(9));
        silo.Silo.CollectIdleActivations();

        Assert.Equal(1, silo.Silo.ActivationCount);
        Assert.Equal(1, _probe.Activations);
    }

    [Fact]
    public async Task Timers_ActivationDeactivates_TimerStopsTicking()
    {
        var alarm = _cluster.GrainFactory.GetGrain<IAlarmGrain>("timer");
        await alarm.StartTimerAsync(TimeSpan.FromSeconds(1));

        _cluster.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, Volatile.Read(ref _probe.TimerTicks));
        await alarm.DeactivateAsync();
        await _probe.WhenSignalled("deactivated:timer");
        _cluster.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(3, Volatile.Read(ref _probe.TimerTicks));
    }

    [Fact]
    public async Task Reminders_GrainDeactivated_ReminderReactivatesItWhenDue()
    {
        var alarm = _cluster.GrainFactory.GetGrain<IAlarmGrain>("r1");
        await alarm.SetReminderAsync(TimeSpan.FromSeconds(120));
        await alarm.DeactivateAsync();
        await _probe.WhenSignalled("deactivated:r1");

        _cluster.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.DoesNotContain(_probe.Events, e => e.StartsWith("reminder:", StringComparison.Ordinal));
        _cluster.Time.Advance(TimeSpan.FromSeconds(2));

        await _probe.WhenSignalled("reminder:r1");
        Assert.Empty(await _storage.ReadRowsAsync());
    }

    [Fact]
    public async Task Reminders_SiloKilledAndRestarted_NewSiloFiresTheReminder()
    {
        var alarm = _cluster.GrainFactory.GetGrain<IAlarmGrain>("r2");
        await alarm.SetReminderAsync(TimeSpan.FromSeconds(60));
        _cluster.Silos[0].Kill();

        await _cluster.StartSiloAsync();
        _cluster.Time.Advance(TimeSpan.FromSeconds(61));

        await _probe.WhenSignalled("reminder:r2");
        Assert.Single(_probe.Events, e => e.StartsWith("reminder:r2", StringComparison.Ordinal));
    }
}
