using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Seats;

/// <summary>The seat's rules (I1, I3, I5) on one silo, Orleans' memory storage and a fake clock.</summary>
public sealed class SeatRulesTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(2);

    private GrainsCluster Cluster => fixture.Cluster;

    private IGrainFactory Grains => Cluster.Grains;

    [Fact]
    public async Task TryHold_AvailableSeat_GrantsTokenNamingTheSeatForHoldDuration()
    {
        var seat = await Seeding.NewSeatAsync(Grains);

        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(HoldOutcome.Granted, hold.Outcome);
        Assert.Equal(Seeding.SeatIdOf(seat), ReservationToken.SeatIdOf(hold.ReservationToken));
        Assert.Equal(Cluster.Clock.GetUtcNow() + HoldDuration, hold.ExpiresAt);
        Assert.Equal(new SeatView(Seeding.SeatIdOf(seat), Seeding.EntityIdOf(seat), "A1", 25.50m, SeatStatus.Held, hold.ExpiresAt), await seat.GetAsync());
    }

    [Fact]
    public async Task TryHold_StoredState_HoldsTokenHashNeverToken()
    {
        var seat = await Seeding.NewSeatAsync(Grains);

        var token = (await seat.TryHoldAsync("U-1")).ReservationToken!;

        var stored = await Seeding.StoredAsync(Cluster.Storage, seat);
        Assert.Equal(SeatStatus.Held, stored!.Status);
        Assert.Equal(Secrets.Sha256(token), stored.HoldTokenHash);
        var payload = Cluster.Services.GetRequiredService<IGrainStorageSerializer>().Serialize(stored).ToArray();
        var secret = Encoding.UTF8.GetBytes(token[(token.LastIndexOf('.') + 1)..]);
        Assert.Equal(-1, payload.AsSpan().IndexOf(secret));
    }

    [Fact]
    public async Task UnknownSeats_EveryCall_NotFound()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var pastTheEnd = Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, Seeding.EntityIdOf(seat) + ":2"));
        var noEntity = Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, "E-none:1"));
        var notASeatId = Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, "S-random"));

        foreach (var unknown in new[] { pastTheEnd, noEntity, notASeatId })
        {
            Assert.Equal(HoldResult.NotFound, await unknown.TryHoldAsync("U-1"));
            Assert.Null(await unknown.GetAsync());
            Assert.Equal(ReleaseOutcome.NotFound, await unknown.ReleaseAsync("x.y", "U-1"));
            Assert.Equal(ConfirmResult.NotFound, await unknown.ConfirmAsync("x.y", "U-1", "PAY-1"));
        }
    }

    [Fact]
    public async Task Hold_ReachesHoldDuration_DeadBeforeAnySweepAndAfterItWithNothingStored()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");
        await Seeding.WaitForSweepAsync(Cluster, seat);

        Cluster.Clock.Advance(HoldDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(HoldResult.Unavailable, await seat.TryHoldAsync("U-2"));
        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);

        Cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SeatStatus.Held, (await Seeding.StoredAsync(Cluster.Storage, seat))!.Status); // no sweep has run yet
        var view = await seat.GetAsync();
        Assert.Equal(SeatStatus.Available, view!.Status);
        Assert.Null(view.HeldUntil);
        Assert.Equal(ConfirmResult.Expired, await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
        Assert.Equal(ReleaseOutcome.Expired, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));

        // Without webhook endpoints the sweep stores nothing: the dead hold in storage reads as a free seat.
        var stored = await Seeding.StoredAsync(Cluster.Storage, seat);
        Cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var page = Seeding.PageOf(Grains, seat).GetGrainId();
        await Eventually.ReturnsAsync(() => Cluster.Reminders.ReadRow(page, InventoryPageGrain.SweepReminder), r => r is null, "the page to drop its reminder");
        Assert.Equal(stored!.Version, (await Seeding.StoredAsync(Cluster.Storage, seat))!.Version);
        Assert.Equal(SeatStatus.Available, (await Seeding.PageOf(Grains, seat).ListAsync()).Single(v => v.SeatId == Seeding.SeatIdOf(seat)).Status);

        await Cluster.DeactivateAsync(seat.GetGrainId());
        Assert.Equal(SeatStatus.Available, (await seat.GetAsync())!.Status);
        Assert.Equal(ConfirmResult.Expired, await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }

    [Fact]
    public async Task TryHold_AtExpiryBeforeTheSweep_OtherUserGrantedOldTokenDeadAndTheSweepKeepsTheNewHold()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var first = await seat.TryHoldAsync("U-1");
        Cluster.Clock.Advance(HoldDuration);

        var second = await seat.TryHoldAsync("U-2");

        Assert.Equal(HoldOutcome.Granted, second.Outcome);
        Assert.Equal(ConfirmResult.Expired, await seat.ConfirmAsync(first.ReservationToken!, "U-1", "PAY-1"));
        seat.SweepAsync().Ignore(); // what the page's sweep asks; a late or repeated one finds a live hold
        await seat.SweepAsync();
        Assert.Equal(SeatStatus.Held, (await Seeding.StoredAsync(Cluster.Storage, seat))!.Status);
        Assert.Equal(ConfirmOutcome.Booked, (await seat.ConfirmAsync(second.ReservationToken!, "U-2", "PAY-2")).Outcome);
    }

    [Fact]
    public async Task Sweep_Repeated_IsHarmless()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        await seat.TryHoldAsync("U-1");
        Cluster.Clock.Advance(HoldDuration);
        var page = Grains.GetGrain<IRemindable>(Seeding.PageOf(Grains, seat).GetGrainId());
        var tick = new TickStatus(Cluster.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), Cluster.Clock.GetUtcNow().UtcDateTime);

        await page.ReceiveReminder(InventoryPageGrain.SweepReminder, tick);
        await page.ReceiveReminder(InventoryPageGrain.SweepReminder, tick);

        Assert.Equal(SeatStatus.Available, (await seat.GetAsync())!.Status);
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }

    [Fact]
    public async Task Release_ByHolder_FreesSeatInStorage()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(ReleaseOutcome.Released, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));

        Assert.Equal(SeatStatus.Available, (await seat.GetAsync())!.Status);
        Assert.Equal(SeatStatus.Available, (await Seeding.StoredAsync(Cluster.Storage, seat))!.Status);
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }

    [Fact]
    public async Task Release_ByAnotherUser_NotHolderAndHoldKept()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(ReleaseOutcome.NotHolder, await seat.ReleaseAsync(hold.ReservationToken!, "U-2"));

        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);
    }

    [Fact]
    public async Task Release_TwiceOrWithAForgedToken_Expired()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");
        Assert.Equal(ReleaseOutcome.Expired, await seat.ReleaseAsync(Seeding.SeatIdOf(seat) + "." + Secrets.NewToken(), "U-1"));
        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);

        await seat.ReleaseAsync(hold.ReservationToken!, "U-1");

        Assert.Equal(ReleaseOutcome.Expired, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));
        Assert.Equal(ConfirmResult.Expired, await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
    }

    [Fact]
    public async Task Confirm_ByAnotherUser_NotHolder()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(ConfirmResult.NotHolder, await seat.ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-1"));
        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);
    }

    [Fact]
    public async Task Confirm_LiveHold_BooksDurablyWithALedgerRowAndTheSeatRefusesHolds()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var user = "U-" + Guid.NewGuid().ToString("N");
        var hold = await seat.TryHoldAsync(user);
        Cluster.Clock.Advance(TimeSpan.FromSeconds(10));

        var result = await seat.ConfirmAsync(hold.ReservationToken!, user, "PAY-1");

        Assert.Equal(ConfirmOutcome.Booked, result.Outcome);
        var booking = result.Booking!;
        Assert.StartsWith("BK-", booking.BookingId, StringComparison.Ordinal);
        Assert.Equal(
            new Booking(booking.BookingId, Seeding.AppId, Seeding.SeatIdOf(seat), Seeding.EntityIdOf(seat), "A1", 25.50m, user, "PAY-1", Cluster.Clock.GetUtcNow()),
            booking);
        Assert.Equal(booking, (await Seeding.StoredAsync(Cluster.Storage, seat))!.Booking);
        Assert.Equal(booking, Assert.Single(await Cluster.Ledger.QueryAsync(new Bookings.BookingQuery(AppId: Seeding.AppId, UserId: user))));
        Assert.Equal(HoldResult.Unavailable, await seat.TryHoldAsync("U-2"));
        Assert.Equal(SeatStatus.Booked, (await seat.GetAsync())!.Status);
    }

    [Fact]
    public async Task Confirm_Repeated_SameBookingForTheSamePaymentOnly()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");
        var booking = (await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1")).Booking;

        Assert.Equal(new ConfirmResult(ConfirmOutcome.AlreadyBooked, booking), await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
        Assert.Equal(ConfirmResult.TokenUsed, await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-2"));
        Assert.Equal(ConfirmResult.NotHolder, await seat.ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-1"));
        Assert.Equal(ConfirmResult.Expired, await seat.ConfirmAsync(Seeding.SeatIdOf(seat) + "." + Secrets.NewToken(), "U-1", "PAY-1"));
    }
}
