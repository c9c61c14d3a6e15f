using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Seats;

public sealed class ReservationOptionsTests
{
    [Fact]
    public async Task HoldDuration_Zero_SiloRefusesToStart()
    {
        await using var store = TestStore.Memory();

        var failure = await Record.ExceptionAsync(() => GrainsCluster.StartAsync(
            store, configure: services => services.Configure<ReservationOptions>(o => o.HoldDuration = TimeSpan.Zero)));

        Assert.IsType<OptionsValidationException>(failure is AggregateException aggregate ? aggregate.InnerException : failure);
    }

    [Fact]
    public async Task HoldDuration_Configured_HoldsLastThatLong()
    {
        await using var store = TestStore.Memory();
        await using var cluster = await GrainsCluster.StartAsync(
            store, configure: services => services.Configure<ReservationOptions>(o => o.HoldDuration = TimeSpan.FromSeconds(30)));
        var seat = await Seeding.NewSeatAsync(cluster.Grains);

        var hold = await seat.TryHoldAsync("U-1");
        cluster.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(cluster.Clock.GetUtcNow(), hold.ExpiresAt);
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }
}
