using Microsoft.Extensions.DependencyInjection;
using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Usage;

namespace Reservations.Grains.Tests.Usage;

public sealed class UsageMeterTests : OneSiloTests
{
    private UsageMeter Meter => Cluster.Silos[0].Services.GetRequiredService<UsageMeter>();

    [Fact]
    public async Task Flush_AfterSeatActivity_SendsCountsToTenantAndSubtractsThem()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(Seeding.AppId);
        await tenant.CreateAsync(new TenantSettings("App", TenantDomain.Event, []));
        var seat = await Seeding.NewSeatAsync(Grains);
        var first = await seat.TryHoldAsync("U-1");
        await seat.TryHoldAsync("U-2");
        await seat.ReleaseAsync(first.ReservationToken!, "U-1");
        var second = await seat.TryHoldAsync("U-2");
        await seat.ConfirmAsync(second.ReservationToken!, "U-2", "PAY-1");
        Meter.CountRequest(Seeding.AppId);

        await Meter.FlushAsync();
        await Meter.FlushAsync();

        Assert.Equal(new TenantUsage(1, 2, 1, 1, 0, 1), (await tenant.GetAsync())!.Usage);
        Assert.Equal(TenantUsage.Zero, Meter.Pending()[Seeding.AppId]);
    }

    [Fact]
    public async Task Flusher_PeriodPasses_FlushesExpiriesWithoutBeingAsked()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(Seeding.AppId);
        await tenant.CreateAsync(new TenantSettings("App", TenantDomain.Event, []));
        var seat = await Seeding.NewSeatAsync(Grains);
        await seat.TryHoldAsync("U-1");

        Cluster.Time.Advance(TimeSpan.FromMinutes(2) + GrainsTestCluster.ReminderTick);
        await seat.GetAsync();
        Cluster.Time.Advance(TimeSpan.FromSeconds(5));

        var usage = await WaitForUsageAsync(tenant, u => u.Expiries == 1);
        Assert.Equal(1, usage.HoldsGranted);
    }

    [Fact]
    public async Task SiloStop_UnflushedCounts_FlushedOnce()
    {
        var tenant = Grains.GetGrain<ITenantGrain>(Seeding.AppId);
        await tenant.CreateAsync(new TenantSettings("App", TenantDomain.Event, []));
        Meter.CountRequest(Seeding.AppId);
        Meter.CountRequest(Seeding.AppId);

        await Cluster.Silos[0].StopAsync();
        var restarted = await Cluster.StartSiloAsync();

        var usage = (await restarted.GrainFactory.GetGrain<ITenantGrain>(Seeding.AppId).GetAsync())!.Usage;
        Assert.Equal(2, usage.Requests);
    }

    // The periodic flush runs in the background: wait on its effect, bounded, instead of sleeping a guess.
    private static async Task<TenantUsage> WaitForUsageAsync(ITenantGrain tenant, Func<TenantUsage, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var usage = (await tenant.GetAsync())!.Usage;
            if (done(usage))
            {
                return usage;
            }

            await Task.Delay(10, timeout.Token);
        }
    }
}
