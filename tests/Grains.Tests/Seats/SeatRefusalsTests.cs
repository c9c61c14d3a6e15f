using Microsoft.Extensions.DependencyInjection;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Usage;

namespace Reservations.Grains.Tests.Seats;

/// <summary>
/// The refusals a seat publishes for an API in its process: only what its stored state says, cleared
/// before every change, gone with the activation.
/// </summary>
public sealed class SeatRefusalsTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(2);

    private GrainsCluster Cluster => fixture.Cluster;

    private SeatRefusals Refusals => Cluster.Services.GetRequiredService<SeatRefusals>();

    private bool Refuses(ISeatGrain seat, TimeSpan later = default) => Refusals.TryRefuse(seat.GetPrimaryKeyString(), Cluster.Clock.GetUtcNow() + later);

    [Fact]
    public async Task HeldSeat_RefusesOnlyOnceTheSeatRefusedAHold_UntilTheHoldEnds()
    {
        var seat = await Seeding.NewSeatAsync(Cluster.Grains);
        await seat.TryHoldAsync("U-1");
        Assert.False(Refuses(seat)); // a seat nobody lost publishes nothing

        Assert.Equal(HoldResult.Unavailable, await seat.TryHoldAsync("U-2"));
        Assert.True(Refuses(seat));

        Cluster.Clock.Advance(HoldDuration - TimeSpan.FromTicks(1));
        Assert.True(Refuses(seat));
        Cluster.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(Refuses(seat)); // dead at expiresAt, as the seat decides (I5)
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }

    [Fact]
    public async Task Release_ClearsTheRefusalBeforeTheReleaseIsAnswered()
    {
        var seat = await Seeding.NewSeatAsync(Cluster.Grains);
        var hold = await seat.TryHoldAsync("U-1");
        await seat.TryHoldAsync("U-2");

        Assert.Equal(ReleaseOutcome.Released, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));

        Assert.False(Refuses(seat));
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
        Assert.True(Refuses(seat)); // a seat that has refused someone publishes each new hold once it is stored
    }

    [Fact]
    public async Task BookedSeat_RefusesForGood_AndEveryRefusalIsCounted()
    {
        var seat = await Seeding.NewSeatAsync(Cluster.Grains, "APP-refusals");
        var hold = await seat.TryHoldAsync("U-1");
        await seat.TryHoldAsync("U-2");
        Assert.Equal(ConfirmOutcome.Booked, (await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1")).Outcome);

        Assert.True(Refuses(seat));
        Assert.True(Refuses(seat, TimeSpan.FromDays(365)));

        var usage = Cluster.Services.GetRequiredService<UsageMeter>().Pending()["APP-refusals"];
        Assert.Equal(3, usage.HoldsRefused); // one by the seat, two answered from its refusal
    }

    [Fact]
    public async Task Deactivation_RemovesTheSeatsRefusal()
    {
        var seat = await Seeding.NewSeatAsync(Cluster.Grains);
        await seat.TryHoldAsync("U-1");
        await seat.TryHoldAsync("U-2");
        Assert.True(Refuses(seat));

        await Cluster.DeactivateAsync(seat.GetGrainId());

        Assert.False(Refuses(seat));
    }
}
