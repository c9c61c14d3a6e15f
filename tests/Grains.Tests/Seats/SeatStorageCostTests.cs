using Orleans.Providers;
using Orleans.Storage;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Grains.Webhooks;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Seats;

/// <summary>
/// What seat operations cost in storage, on the real SQLite providers (docs/performance.md quotes
/// these counts): a refusal nothing at all (a seat sold without a contest goes at once, and the first
/// refusal to wake it reads its state and the ledger); a hold one seat state write; a booking one seat state
/// write and one ledger row; an ended hold nothing, unless an endpoint wants its events; the sweep's
/// reminder is written once when a page's first hold comes and removed once when its last hold is gone,
/// whatever the number of holds in between.
/// </summary>
public sealed class SeatStorageCostTests : IAsyncLifetime
{
    private CountingGrainStorage? _storage;
    private CountingReminderTable? _reminders;
    private CountingLedger? _ledger;
    private GrainsCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Sqlite(), configure: services =>
    {
        services.Decorate<IGrainStorage>(inner => _storage = new CountingGrainStorage(inner), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        services.Decorate<IReminderTable>(inner => _reminders = new CountingReminderTable(inner));
        services.Decorate<IBookingLedger>(inner => _ledger = new CountingLedger(inner));
    });

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    [Fact]
    public async Task TryHold_HeldOrBookedSeat_RefusesWithoutStorageOrLedger()
    {
        var seats = await Seeding.NewSeatsAsync(_cluster.Grains, 2);
        var (held, booked) = (seats[0], seats[1]);
        await held.TryHoldAsync("U-1");
        var hold = await booked.TryHoldAsync("U-1");
        Assert.Same(HoldResult.Unavailable, await booked.TryHoldAsync("U-2")); // a contest: the seat stays once sold
        await booked.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");
        var (storageCalls, ledgerCalls) = (_storage!.Calls, _ledger!.Calls);

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(HoldResult.Unavailable, await held.TryHoldAsync($"U-{i + 2}"));
            Assert.Same(HoldResult.Unavailable, await booked.TryHoldAsync($"U-{i + 2}"));
        }

        Assert.Equal(storageCalls, _storage.Calls);
        Assert.Equal(ledgerCalls, _ledger.Calls);
    }

    [Fact]
    public async Task Book_NobodyRefused_TheSeatGoesAtOnce_AndWakesWithReadsOnly()
    {
        var seat = await Seeding.NewSeatAsync(_cluster.Grains);
        var hold = await seat.TryHoldAsync("U-1");
        var booking = (await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1")).Booking;
        var (reads, calls, ledgerCalls, records) = (_storage!.Reads("seat"), _storage.Calls, _ledger!.Calls, _ledger.Records);

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(HoldResult.Unavailable, await seat.TryHoldAsync($"U-{i + 2}"));
        }

        // One activation: its state read, and one ledger read that finds the booking recorded.
        Assert.Equal(reads + 1, _storage.Reads("seat"));
        Assert.Equal(calls + 1, _storage.Calls);
        Assert.Equal(ledgerCalls + 1, _ledger.Calls);
        Assert.Equal(records, _ledger.Records);
        Assert.Equal(new ConfirmResult(ConfirmOutcome.AlreadyBooked, booking), await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
    }

    [Fact]
    public async Task HoldsAndBookings_OneStateWriteEachPlusOneLedgerRowPerBooking_OneReminderWritePerPageBusyPeriod()
    {
        var seats = await Seeding.NewSeatsAsync(_cluster.Grains, 20);
        var before = Snapshot();

        var holds = new List<HoldResult>();
        foreach (var seat in seats)
        {
            holds.Add(await seat.TryHoldAsync("U-1"));
        }

        await Seeding.WaitForSweepAsync(_cluster, seats[0]);
        var held = Snapshot();
        Assert.Equal(new Counts(SeatWrites: 20, PageWrites: 0, ReminderWrites: 1, LedgerRecords: 0), held - before);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(ConfirmOutcome.Booked, (await seats[i].ConfirmAsync(holds[i].ReservationToken!, "U-1", $"PAY-{i}")).Outcome);
        }

        var booked = Snapshot();
        Assert.Equal(new Counts(SeatWrites: 10, PageWrites: 0, ReminderWrites: 0, LedgerRecords: 10), booked - held);

        // The ten unconfirmed holds end; the sweep frees them in the page's view with no seat write (no
        // endpoint wants their events), finds no hold left and drops its reminder.
        _cluster.Clock.Advance(TimeSpan.FromMinutes(3));
        var swept = new Counts(SeatWrites: 0, PageWrites: 1, ReminderWrites: 1, LedgerRecords: 0);
        await Eventually.ReturnsAsync(() => Task.FromResult(Snapshot() - booked), counts => counts == swept, "the sweep and the page's checkpoint");
        var listing = await Seeding.PageOf(_cluster.Grains, seats[0]).ListAsync();
        Assert.Equal(swept, Snapshot() - booked);
        Assert.Equal([.. Enumerable.Repeat(SeatStatus.Booked, 10), .. Enumerable.Repeat(SeatStatus.Available, 10)], listing.Select(view => view.Status));
    }

    [Fact]
    public async Task Sweep_AnEndpointWantsExpiries_StoresEachEndedHoldWithItsEvent()
    {
        var seats = await Seeding.NewSeatsAsync(_cluster.Grains, 3);
        await _cluster.Grains.GetGrain<IWebhookEndpointsGrain>(Seeding.AppId).RegisterAsync("http://127.0.0.1:9/hooks", WebhookEventTypes.HoldExpired, batch: false);
        foreach (var seat in seats)
        {
            await seat.TryHoldAsync("U-1");
        }

        await Seeding.WaitForSweepAsync(_cluster, seats[0]);
        var held = Snapshot();

        _cluster.Clock.Advance(TimeSpan.FromMinutes(3));

        foreach (var seat in seats)
        {
            var stored = await Eventually.ReturnsAsync(() => Seeding.StoredAsync(_cluster.Storage, seat), s => s!.Status == SeatStatus.Available, "the ended hold stored");
            Assert.Equal("hold.expired", Assert.Single(stored!.Events!).Type);
        }

        Assert.Equal(3, (Snapshot() - held).SeatWrites);
    }

    private Counts Snapshot() => new(_storage!.Writes("seat"), _storage.Writes("inventory-page"), _reminders!.Writes, _ledger!.Records);

    private sealed record Counts(int SeatWrites, int PageWrites, int ReminderWrites, int LedgerRecords)
    {
        public static Counts operator -(Counts after, Counts before) => new(
            after.SeatWrites - before.SeatWrites,
            after.PageWrites - before.PageWrites,
            after.ReminderWrites - before.ReminderWrites,
            after.LedgerRecords - before.LedgerRecords);
    }
}
