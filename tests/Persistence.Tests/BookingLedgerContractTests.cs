using Npgsql;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;
using Reservations.Ledger;
using Reservations.Persistence.Sqlite;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

/// <summary>What the seat grain and the booking queries rely on from a ledger, on both stores.</summary>
public abstract class BookingLedgerContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _appId = $"app-{Guid.NewGuid():N}";

    protected IBookingLedger Ledger { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task Record_500Concurrent_EveryRowFoundAndListedNewestFirst()
    {
        var bookings = Enumerable.Range(0, 500).Select(n => BookingOf(n, $"booking-{n}")).ToList();

        await Task.WhenAll(bookings.Select(booking => Task.Run(() => Ledger.RecordAsync(booking))));

        var booked = await Ledger.FindBookedAsync(_appId, [.. bookings.Select(b => b.SeatId), "film-1:9999"]);
        Assert.Equal(500, booked.Count);
        var listed = new List<Booking>();
        BookingCursor? after = null;
        do
        {
            var page = await Ledger.QueryAsync(new BookingQuery(AppId: _appId, After: after, Limit: 200));
            listed.AddRange(page);
            after = page.Length == 200 ? new BookingCursor(page[^1].BookedAt, page[^1].AppId, page[^1].SeatId) : null;
        }
        while (after is not null);
        Assert.Equal(bookings.OrderByDescending(b => b.BookedAt).Select(b => b.BookingId), listed.Select(b => b.BookingId));
        Assert.Equal(bookings[7], listed.Single(b => b.SeatId == bookings[7].SeatId));
    }

    [Fact]
    public async Task Record_SameBookingManyTimesAtOnce_OneRowAndNoError()
    {
        var booking = BookingOf(1, "booking-1");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Ledger.RecordAsync(booking))));
        await Ledger.RecordAsync(booking);

        Assert.Equal(booking, Assert.Single(await Ledger.QueryAsync(new BookingQuery(AppId: _appId))));
    }

    [Fact]
    public async Task Record_DifferentBookingsOfOneSeatAtOnce_OneRecordedTheOthersConflict()
    {
        var attempts = Enumerable.Range(0, 20).Select(n => BookingOf(1, $"booking-{n}")).ToList();

        var recorded = await Task.WhenAll(attempts.Select(booking => Task.Run(() => RecordOrConflictAsync(booking))));
        var late = await RecordOrConflictAsync(BookingOf(1, "booking-late"));

        var winner = Assert.Single(attempts.Where((_, index) => recorded[index]));
        Assert.False(late);
        Assert.Equal(winner, Assert.Single(await Ledger.QueryAsync(new BookingQuery(AppId: _appId))));
    }

    private async Task<bool> RecordOrConflictAsync(Booking booking)
    {
        try
        {
            await Ledger.RecordAsync(booking);
            return true;
        }
        catch (LedgerConflictException)
        {
            return false;
        }
    }

    private Booking BookingOf(int seat, string bookingId) =>
        new(bookingId, _appId, $"film-1:{seat}", "film-1", $"A{seat}", 12.5m + seat, $"user-{seat % 7}", $"PAY-{bookingId}", Noon.AddSeconds(seat));
}

public sealed class SqliteBookingLedgerTests : BookingLedgerContractTests
{
    private SqliteWithSchema? _sqlite;

    public override async Task InitializeAsync()
    {
        _sqlite = await SqliteWithSchema.CreateAsync("bookings", SqliteBookingLedger.Schema);
        Ledger = new SqliteBookingLedger(_sqlite.Database);
    }

    public override async Task DisposeAsync() => await _sqlite!.DisposeAsync();
}

public sealed class PostgresBookingLedgerTests : BookingLedgerContractTests
{
    private PostgresWithSchema? _postgres;

    public override async Task InitializeAsync()
    {
        _postgres = await PostgresWithSchema.CreateAsync();
        Ledger = new PostgresBookingLedger(_postgres.DataSource);
    }

    public override async Task DisposeAsync()
    {
        await ((PostgresBookingLedger)Ledger).DisposeAsync();
        await _postgres!.DisposeAsync();
    }
}
