using Microsoft.Extensions.DependencyInjection;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Seats;

/// <summary>Booking and uniqueness (I1-I5) under real concurrency, on each real store, one cluster per test.</summary>
public abstract class SeatBookingContractTests<TStore>(TStore fixture) : IClassFixture<TStore> where TStore : StoreFixture
{
    [Fact]
    public async Task TryHold_400Concurrent_ExactlyOneGranted()
    {
        await using var cluster = await GrainsCluster.StartAsync(fixture.Store);
        var seat = await Seeding.NewSeatAsync(cluster.Grains);

        var results = await RaceAsync(400, i => seat.TryHoldAsync($"U-{i}"));

        Assert.Single(results, r => r.Outcome == HoldOutcome.Granted);
        Assert.Equal(399, results.Count(r => r.Outcome == HoldOutcome.Unavailable));
        Assert.Equal(SeatStatus.Held, (await Seeding.StoredAsync(cluster.Storage, seat))!.Status);
    }

    [Fact]
    public async Task Confirm_50ConcurrentWithOneTokenAndPayment_OneBookingOneLedgerRow()
    {
        await using var cluster = await GrainsCluster.StartAsync(fixture.Store);
        var seat = await Seeding.NewSeatAsync(cluster.Grains);
        var user = "U-" + Guid.NewGuid().ToString("N");
        var hold = await seat.TryHoldAsync(user);

        var results = await RaceAsync(50, _ => seat.ConfirmAsync(hold.ReservationToken!, user, "PAY-1"));

        Assert.Single(results, r => r.Outcome == ConfirmOutcome.Booked);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { ConfirmOutcome.Booked, ConfirmOutcome.AlreadyBooked }));
        var booking = Assert.Single(results.Select(r => r.Booking).Distinct());
        Assert.Equal(booking, Assert.Single(await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: user))));
    }

    [Fact]
    public async Task Confirm_ConcurrentWithDifferentPayments_OneBookedOthersTokenUsed()
    {
        await using var cluster = await GrainsCluster.StartAsync(fixture.Store);
        var seat = await Seeding.NewSeatAsync(cluster.Grains);
        var hold = await seat.TryHoldAsync("U-1");

        var results = await RaceAsync(20, i => seat.ConfirmAsync(hold.ReservationToken!, "U-1", $"PAY-{i}"));

        Assert.Single(results, r => r.Outcome == ConfirmOutcome.Booked);
        Assert.Equal(19, results.Count(r => r.Outcome == ConfirmOutcome.TokenUsed));
    }

    [Fact]
    public async Task Confirm_LedgerAlreadyHoldsAnotherBookingOfTheSeat_RefusedAndTheLedgerKeepsIt()
    {
        // The database's UNIQUE (app, seat) is a second line under the seat grain (I2): only a bug reaches it.
        await using var cluster = await GrainsCluster.StartAsync(fixture.Store);
        var seat = await Seeding.NewSeatAsync(cluster.Grains);
        var user = "U-" + Guid.NewGuid().ToString("N");
        var hold = await seat.TryHoldAsync(user);
        var stray = new Booking("BK-stray", Seeding.AppId, Seeding.SeatIdOf(seat), Seeding.EntityIdOf(seat), "A1", 1m, "U-stray", "PAY-9", cluster.Clock.GetUtcNow());
        await cluster.Ledger.RecordAsync(stray);

        await Assert.ThrowsAsync<LedgerConflictException>(() => seat.ConfirmAsync(hold.ReservationToken!, user, "PAY-1"));

        Assert.Equal(stray, Assert.Single(await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: "U-stray"))));
        Assert.Empty(await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: user)));
        await Assert.ThrowsAsync<LedgerConflictException>(() => seat.ConfirmAsync(hold.ReservationToken!, user, "PAY-1"));
    }

    [Fact]
    public async Task SiloReplaced_KeepsBookingAndLiveHold_ThenExpiresAndSweepsOnTheNewSilo()
    {
        await using var cluster = await GrainsCluster.StartAsync(fixture.Store);
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 2);
        var bookedHold = await seats[0].TryHoldAsync("U-1");
        var booking = (await seats[0].ConfirmAsync(bookedHold.ReservationToken!, "U-1", "PAY-1")).Booking;
        var hold = await seats[1].TryHoldAsync("U-2");
        await Seeding.WaitForSweepAsync(cluster, seats[1]);
        cluster.Clock.Advance(TimeSpan.FromSeconds(30));

        var replacement = await cluster.StartSiloAsync();
        await cluster.StopSiloAsync(cluster.Silos[0]);
        var grains = replacement.ServiceProvider.GetRequiredService<IGrainFactory>();
        var bookedAgain = grains.GetGrain<ISeatGrain>(seats[0].GetPrimaryKeyString());
        var heldAgain = grains.GetGrain<ISeatGrain>(seats[1].GetPrimaryKeyString());
        await ReminderReadiness.WaitForTickArmedAsync(Seeding.PageOf(grains, heldAgain).GetGrainId(), replacement.SiloAddress);

        Assert.Equal(SeatStatus.Booked, (await bookedAgain.GetAsync())!.Status);
        Assert.Equal(new ConfirmResult(ConfirmOutcome.AlreadyBooked, booking), await bookedAgain.ConfirmAsync(bookedHold.ReservationToken!, "U-1", "PAY-1"));
        var heldView = await heldAgain.GetAsync();
        Assert.Equal(SeatStatus.Held, heldView!.Status);
        Assert.Equal(hold.ExpiresAt, heldView.HeldUntil);
        Assert.Equal(HoldResult.Unavailable, await heldAgain.TryHoldAsync("U-3"));

        cluster.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(ConfirmResult.Expired, await heldAgain.ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-2"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await Seeding.WaitUntilSweptAsync(cluster, heldAgain); // the new silo's sweep
        Assert.Equal(SeatStatus.Available, (await heldAgain.GetAsync())!.Status);
    }

    /// <summary>Starts <paramref name="count"/> callers at once on pool threads and returns their answers.</summary>
    internal static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(() =>
        {
            start.Wait();
            return call(i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(calls);
    }
}

public sealed class SqliteSeatBookingTests(SqliteStoreFixture fixture) : SeatBookingContractTests<SqliteStoreFixture>(fixture);

public sealed class PostgresSeatBookingTests(PostgresStoreFixture fixture) : SeatBookingContractTests<PostgresStoreFixture>(fixture);
