using System.Collections.Immutable;
using Reservations.Grains.Bookings;
using Reservations.Grains.Groups;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Groups;

/// <summary>The group grain over real stores: all-or-none holds under races, and a group confirm cut off midway that a retry completes (I2, I4 per seat).</summary>
public abstract class SeatGroupTests<TStore>(TStore fixture) : IClassFixture<TStore> where TStore : StoreFixture
{
    private readonly Faults _faults = new();

    private Task<GrainsCluster> StartAsync() =>
        GrainsCluster.StartAsync(fixture.Store, configure: services => services.Decorate<IBookingLedger>(ledger => new FaultyLedger(ledger, _faults)));

    [Fact]
    public async Task TryHold_50GroupsOverTheSameSeatsInEveryOrder_ExactlyOneWinsNoSeatLeftToALoser()
    {
        await using var cluster = await StartAsync();
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 5);
        var ids = seats.Select(Seeding.SeatIdOf).ToImmutableArray();
        var random = new Random(7);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            NewGroup(cluster).TryHoldAsync($"U-{i}", [.. ids.OrderBy(_ => random.Next())]))));

        var winner = Assert.Single(results, r => r.Outcome == GroupHoldOutcome.Granted);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(GroupHoldOutcome.Unavailable, r.Outcome));
        Assert.All(results.Where(r => r != winner), r => Assert.NotEmpty(r.SeatIds));
        foreach (var seat in seats)
        {
            Assert.Equal(Secrets.Sha256(winner.ReservationToken!), (await Seeding.StoredAsync(cluster.Storage, seat))!.HoldTokenHash);
        }
    }

    [Fact]
    public async Task Confirm_LedgerFailsMidGroup_RetryAfterReactivationCompletesEverySeat()
    {
        await using var cluster = await StartAsync();
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 3);
        var group = NewGroup(cluster);
        var hold = await group.TryHoldAsync("U-1", [.. seats.Select(Seeding.SeatIdOf)]);
        _faults.FailNext(1);

        await Assert.ThrowsAsync<IOException>(() => group.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-G"));
        await cluster.DeactivateAsync(group.GetGrainId());

        Assert.Equal(GroupConfirmOutcome.TokenUsed, (await group.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-OTHER")).Outcome);
        var retry = await group.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-G");

        Assert.Equal(GroupConfirmOutcome.AlreadyBooked, retry.Outcome);
        Assert.Equal(hold.SeatIds, retry.Bookings.Select(b => b.SeatId));
        Assert.All(retry.Bookings, b => Assert.Equal("PAY-G", b.PaymentId));
        var ledger = await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: "U-1"));
        Assert.Equal(retry.Bookings.OrderBy(b => b.SeatId), ledger.Where(b => hold.SeatIds.Contains(b.SeatId)).OrderBy(b => b.SeatId));
    }

    [Fact]
    public async Task Confirm_CutOffAfterTheFirstSeat_RetryBooksTheRestAndKeepsTheFirst()
    {
        await using var cluster = await StartAsync();
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 3);
        var group = NewGroup(cluster);
        var hold = await group.TryHoldAsync("U-2", [.. seats.Select(Seeding.SeatIdOf)]);
        // What a group confirm that stopped after its first seat leaves behind: that seat booked with the group's token.
        var first = await seats[0].ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-H");
        Assert.Equal(ConfirmOutcome.Booked, first.Outcome);

        var retry = await group.ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-H");

        Assert.Equal(GroupConfirmOutcome.Booked, retry.Outcome);
        Assert.Equal(3, retry.Bookings.Length);
        Assert.Contains(first.Booking!, retry.Bookings);
        foreach (var seat in seats)
        {
            Assert.Equal(HoldResult.Unavailable, await seat.TryHoldAsync("U-other"));
        }
    }

    [Fact]
    public async Task Release_GroupToken_FreesEverySeatAndKillsTheToken()
    {
        await using var cluster = await StartAsync();
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 2);
        var group = NewGroup(cluster);
        var hold = await group.TryHoldAsync("U-3", [.. seats.Select(Seeding.SeatIdOf)]);

        Assert.Equal(ReleaseOutcome.NotHolder, (await group.ReleaseAsync(hold.ReservationToken!, "U-4")).Outcome);
        Assert.Equal(ReleaseOutcome.Released, (await group.ReleaseAsync(hold.ReservationToken!, "U-3")).Outcome);

        Assert.Equal(GroupConfirmOutcome.Expired, (await group.ConfirmAsync(hold.ReservationToken!, "U-3", "PAY-1")).Outcome);
        Assert.All(await Task.WhenAll(seats.Select(s => s.GetAsync())), view => Assert.Equal(SeatStatus.Available, view!.Status));
    }

    [Fact]
    public async Task ExtendThenStartPayment_EverySeatTakesTheGroupsEnd_ARepeatChangesNothing()
    {
        await using var cluster = await StartAsync();
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 2);
        var group = NewGroup(cluster);
        var hold = await group.TryHoldAsync("U-5", [.. seats.Select(Seeding.SeatIdOf)]);

        var extended = await group.ExtendAsync(hold.ReservationToken!, "U-5");
        Assert.Equal(hold.ExpiresAt + TimeSpan.FromMinutes(2), extended.HeldUntil);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var paying = await group.StartPaymentAsync(hold.ReservationToken!, "U-5");
        var repeat = await group.StartPaymentAsync(hold.ReservationToken!, "U-5");

        Assert.Equal(cluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), paying.HeldUntil);
        Assert.Equal(paying.HeldUntil, repeat.HeldUntil);
        Assert.Equal(HoldChange.PaymentStarted, await group.ExtendAsync(hold.ReservationToken!, "U-5"));
        foreach (var seat in seats)
        {
            var stored = (await Seeding.StoredAsync(cluster.Storage, seat))!;
            Assert.Equal(paying.HeldUntil, stored.HeldUntil);
            Assert.NotNull(stored.PaymentStartedAt);
        }
    }

    private static ISeatGroupGrain NewGroup(GrainsCluster cluster) =>
        cluster.Grains.GetGrain<ISeatGroupGrain>(GrainKeys.Scoped(Seeding.AppId, GroupToken.NewGroupId()));
}

public sealed class SqliteSeatGroupTests(SqliteStoreFixture fixture) : SeatGroupTests<SqliteStoreFixture>(fixture);

public sealed class PostgresSeatGroupTests(PostgresStoreFixture fixture) : SeatGroupTests<PostgresStoreFixture>(fixture);
