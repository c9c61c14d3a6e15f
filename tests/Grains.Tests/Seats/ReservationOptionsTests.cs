using Microsoft.Extensions.Options;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Runtime.Storage.InMemory;

namespace Reservations.Grains.Tests.Seats;

public sealed class ReservationOptionsTests
{
    [Fact]
    public async Task HoldDuration_Zero_SiloRefusesToStart()
    {
        await using var cluster = GrainsTestCluster.Create(() => new InMemoryStorage(), o => o.HoldDuration = TimeSpan.Zero);

        await Assert.ThrowsAsync<OptionsValidationException>(cluster.StartSiloAsync);
    }

    [Fact]
    public async Task HoldDuration_Configured_HoldsLastThatLong()
    {
        var storage = new InMemoryStorage();
        await using var cluster = GrainsTestCluster.Create(() => storage, o => o.HoldDuration = TimeSpan.FromSeconds(30));
        await cluster.StartSiloAsync();
        var seat = await Seeding.NewSeatAsync(cluster.GrainFactory);

        var hold = await seat.TryHoldAsync("U-1");
        cluster.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(cluster.Time.GetUtcNow(), hold.ExpiresAt);
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }
}
