using Reservations.Grains.Bookings;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Seats;

/// <summary>
/// I4: a crash between the seat's write and the ledger's is repaired: the seat decided (I2), and the
/// ledger catches up from the seat, whether the customer retries or nobody ever touches the seat again.
/// </summary>
public abstract class LedgerRepairTests<TStore>(TStore fixture) : IClassFixture<TStore> where TStore : StoreFixture
{
    private readonly Faults _faults = new();

    private Task<GrainsCluster> StartAsync() =>
        GrainsCluster.StartAsync(fixture.Store, configure: services => services.Decorate<IBookingLedger>(ledger => new FaultyLedger(ledger, _faults)));

    [Fact]
    public async Task CrashBeforeTheLedger_CustomerRetries_SameBookingAndTheLedgerHasIt()
    {
        await using var cluster = await StartAsync();
        var seat = await Seeding.NewSeatAsync(cluster.Grains);
        var user = "U-" + Guid.NewGuid().ToString("N");
        var hold = await seat.TryHoldAsync(user);
        _faults.FailNext(1);

        await Assert.ThrowsAsync<IOException>(() => seat.ConfirmAsync(hold.ReservationToken!, user, "PAY-1"));

        var decided = (await Seeding.StoredAsync(cluster.Storage, seat))!.Booking;
        Assert.NotNull(decided);
        Assert.Empty(await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: user)));
        Assert.Equal(HoldResult.Unavailable, await seat.TryHoldAsync("U-other"));

        var retry = await seat.ConfirmAsync(hold.ReservationToken!, user, "PAY-1");

        Assert.Equal(new ConfirmResult(ConfirmOutcome.AlreadyBooked, decided), retry);
        Assert.Equal(decided, Assert.Single(await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: user))));
    }

    [Fact]
    public async Task CrashBeforeTheLedger_NobodyComesBack_TheLedgerCatchesUpAfterARestart()
    {
        await using var cluster = await StartAsync();
        var seats = await Seeding.NewSeatsAsync(cluster.Grains, 2);
        var user = "U-" + Guid.NewGuid().ToString("N");
        var hold = await seats[0].TryHoldAsync(user);
        _faults.FailNext(1);
        await Assert.ThrowsAsync<IOException>(() => seats[0].ConfirmAsync(hold.ReservationToken!, user, "PAY-1"));
        var page = Seeding.PageOf(cluster.Grains, seats[0]);
        await Eventually.ReturnsAsync(() => page.ListAsync(), views => views[0].Status == SeatStatus.Booked, "the page to hear of the booking");

        // The process goes away (its activations with it) and a new one comes up: nobody calls the seat.
        await cluster.StartSiloAsync();
        await cluster.StopSiloAsync(cluster.Silos[0]);
        var listing = await cluster.Grains.GetGrain<IInventoryPageGrain>(page.GetPrimaryKeyString()).ListAsync();

        Assert.Equal(SeatStatus.Booked, listing[0].Status);
        var recorded = await Eventually.ReturnsAsync(
            () => cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, UserId: user)), page => page.Length == 1, "the ledger to catch up");
        Assert.Equal((await Seeding.StoredAsync(cluster.Storage, seats[0]))!.Booking, recorded[0]);
    }
}

public sealed class SqliteLedgerRepairTests(SqliteStoreFixture fixture) : LedgerRepairTests<SqliteStoreFixture>(fixture);

public sealed class PostgresLedgerRepairTests(PostgresStoreFixture fixture) : LedgerRepairTests<PostgresStoreFixture>(fixture);
