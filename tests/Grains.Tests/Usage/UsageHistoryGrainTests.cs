using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Reservations.Grains.Tenants;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Usage;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Usage;

/// <summary>An app's usage by the hour: buckets, zeros between them, retention, and no double count when closing an hour fails halfway.</summary>
public sealed class UsageHistoryGrainTests : IAsyncLifetime
{
    private static readonly TenantUsage One = new(1, 1, 0, 0, 0, 0);

    private readonly Faults _openHourWrites = new();
    private GrainsCluster _cluster = null!;

    private DateTimeOffset Now => _cluster.Clock.GetUtcNow();

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Memory(), configure: services =>
        services.Decorate<IGrainStorage>(inner => new FailingGrainStorage(inner, "usage-hour", _openHourWrites), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    private static IUsageHistoryGrain NewHistory(IGrainFactory grains) => grains.GetGrain<IUsageHistoryGrain>("APP-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Read_TrafficInTwoHoursWithAQuietOneBetween_APointPerHourAndTheirSum()
    {
        var history = NewHistory(_cluster.Grains);
        var start = Now; // the fake clock starts on the hour
        await history.RecordAsync(One);
        _cluster.Clock.Advance(TimeSpan.FromMinutes(59));
        await history.RecordAsync(new TenantUsage(2, 0, 1, 0, 0, 0));
        _cluster.Clock.Advance(TimeSpan.FromHours(2));
        await history.RecordAsync(new TenantUsage(4, 0, 0, 1, 1, 1));

        var read = await history.ReadAsync(start.AddMinutes(-30), start.AddHours(3));

        Assert.Equal([start.AddHours(-1), start, start.AddHours(1), start.AddHours(2)], read.Points.Select(p => p.Start));
        Assert.Equal([TenantUsage.Zero, new TenantUsage(3, 1, 1, 0, 0, 0), TenantUsage.Zero, new TenantUsage(4, 0, 0, 1, 1, 1)], read.Points.Select(p => p.Usage));
        Assert.Equal(new TenantUsage(7, 1, 1, 1, 1, 1), read.Totals);
    }

    [Fact]
    public async Task Record_OpenHourWriteFailsAfterTheHourClosed_NothingCountedTwiceEvenAfterReactivation()
    {
        var history = NewHistory(_cluster.Grains);
        var start = Now;
        await history.RecordAsync(One);
        _cluster.Clock.Advance(TimeSpan.FromHours(1));

        _openHourWrites.FailNext(1);
        await Assert.ThrowsAsync<OrleansException>(() => history.RecordAsync(One)); // storage failures reach callers wrapped by Orleans
        await _cluster.DeactivateAsync(history.GetGrainId());

        Assert.Equal([One, TenantUsage.Zero], (await history.ReadAsync(start, start.AddHours(2))).Points.Select(p => p.Usage));
        await history.RecordAsync(One); // the meter sends the failed delta again
        _cluster.Clock.Advance(TimeSpan.FromHours(1));
        await history.RecordAsync(One);
        Assert.Equal([One, One, One], (await history.ReadAsync(start, start.AddHours(3))).Points.Select(p => p.Usage));
    }

    [Fact]
    public async Task Record_HoursPastRetention_LeaveStorageAndReads()
    {
        var history = NewHistory(_cluster.Grains);
        var start = Now;
        await history.RecordAsync(One);
        _cluster.Clock.Advance(TimeSpan.FromHours(1));
        await history.RecordAsync(One);
        _cluster.Clock.Advance(TimeSpan.FromHours(IUsageHistoryGrain.RetainedHours - 1));
        await history.RecordAsync(One); // closes the second hour, the oldest still retained; the first is dropped

        var stored = new GrainState<UsageHistoryState>();
        await _cluster.Storage.ReadStateAsync("usage-history", history.GetGrainId(), stored);
        Assert.Equal([start.AddHours(1)], stored.State!.Hours.Select(h => h.Start));
        var retained = await history.ReadAsync(start.AddHours(1), Now.AddHours(1));
        Assert.Equal(IUsageHistoryGrain.RetainedHours, retained.Points.Length);
        Assert.Equal(new TenantUsage(2, 2, 0, 0, 0, 0), retained.Totals);

        _cluster.Clock.Advance(TimeSpan.FromHours(1));
        var later = await history.ReadAsync(start.AddHours(1), Now);
        Assert.Equal(One, later.Totals); // the second hour fell out of retention on the hour, before any write
    }
}
