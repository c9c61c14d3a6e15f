using Microsoft.Extensions.DependencyInjection;
using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Usage;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Usage;

public sealed class UsageMeterTests
{
    private static readonly TenantSettings Settings = new("App", TenantDomain.Event, []);

    [Fact]
    public async Task Flush_AfterSeatActivity_SendsTheCountsToTheTenantAndSubtractsThem()
    {
        await using var store = TestStore.Memory();
        await using var cluster = await GrainsCluster.StartAsync(store);
        var meter = cluster.Services.GetRequiredService<UsageMeter>();
        var tenant = cluster.Grains.GetGrain<ITenantGrain>(Seeding.AppId);
        await tenant.CreateAsync(Settings);
        var seat = await Seeding.NewSeatAsync(cluster.Grains);
        var first = await seat.TryHoldAsync("U-1");
        await seat.TryHoldAsync("U-2");
        await seat.ReleaseAsync(first.ReservationToken!, "U-1");
        var second = await seat.TryHoldAsync("U-2");
        await seat.ConfirmAsync(second.ReservationToken!, "U-2", "PAY-1");
        meter.CountRequest(Seeding.AppId);

        await meter.FlushAsync();
        await meter.FlushAsync();

        Assert.Equal(new TenantUsage(1, 2, 1, 1, 0, 1), (await tenant.GetAsync())!.Usage);
        Assert.Equal(TenantUsage.Zero, meter.Pending()[Seeding.AppId]);
    }

    [Fact]
    public async Task Flusher_HoldExpiresAndIsSwept_ExpiryReachesTheTenantWithoutBeingAsked()
    {
        await using var store = TestStore.Memory();
        await using var cluster = await GrainsCluster.StartAsync(store);
        var tenant = cluster.Grains.GetGrain<ITenantGrain>(Seeding.AppId);
        await tenant.CreateAsync(Settings);
        var seat = await Seeding.NewSeatAsync(cluster.Grains);
        await seat.TryHoldAsync("U-1");
        await Seeding.WaitForSweepAsync(cluster, seat);

        cluster.Clock.Advance(TimeSpan.FromMinutes(3));
        await Seeding.WaitUntilSweptAsync(cluster, seat);
        // The seat counts the expiry when the sweep reaches it, one way after the page's tick, so a flush
        // may run between the two: each look moves the clock another flush period, as time would.
        var usage = await Eventually.ReturnsAsync(
            async () =>
            {
                cluster.Clock.Advance(TimeSpan.FromSeconds(5));
                return (await tenant.GetAsync())!.Usage;
            },
            u => u.Expiries == 1,
            "the periodic flush");
        Assert.Equal(1, usage.HoldsGranted);
    }

    [Fact]
    public async Task SiloStop_UnflushedCounts_FlushedOnTheWayOut()
    {
        await using var store = TestStore.Sqlite();
        await using var cluster = await GrainsCluster.StartAsync(store);
        await cluster.Grains.GetGrain<ITenantGrain>(Seeding.AppId).CreateAsync(Settings);
        var leaving = cluster.Silos[0];
        var meter = leaving.ServiceProvider.GetRequiredService<UsageMeter>();
        meter.CountRequest(Seeding.AppId);
        meter.CountRequest(Seeding.AppId);

        var staying = await cluster.StartSiloAsync();
        await cluster.StopSiloAsync(leaving);

        var usage = (await staying.ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(Seeding.AppId).GetAsync())!.Usage;
        Assert.Equal(2, usage.Requests);
    }
}
