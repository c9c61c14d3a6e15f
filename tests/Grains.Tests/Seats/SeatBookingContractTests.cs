using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Runtime;
using Reservations.Runtime.Hosting;
using Reservations.TestingHost;

namespace Reservations.Grains.Tests.Seats;

/// <summary>Booking and uniqueness rules (I1-I5), run against every storage provider.</summary>
public abstract class SeatBookingContractTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    /// <summary>A storage over the test's one database: the same instance, or a new one on the same file.</summary>
    protected abstract ISiloStorage OpenStorage();

    private IGrainFactory Grains => _cluster.GrainFactory;

    public virtual async Task InitializeAsync()
    {
        _cluster = GrainsTestCluster.Create(OpenStorage);
        await _cluster.StartSiloAsync();
    }

    public virtual async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task SeatGrain_400ConcurrentHolds_ExactlyOneGranted()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 400).Select(i => Task.Run(() =>
        {
            start.Wait();
            return seat.TryHoldAsync($"U-{i}");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Outcome == HoldOutcome.Granted);
        Assert.Equal(399, results.Count(r => ReferenceEquals(r, HoldResult.Unavailable) || r.Outcome == HoldOutcome.Unavailable));
    }

    [Fact]
    public async Task SeatGrain_50ConcurrentConfirmsOfOneTokenAndPayment_SameBookingAndOneRecord()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");
        using var start = new ManualResetEventSlim();

        var confirms = Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(confirms);

        Assert.Single(results, r => r.Outcome == ConfirmOutcome.Booked);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { ConfirmOutcome.Booked, ConfirmOutcome.AlreadyBooked }));
        var bookingId = Assert.Single(results.Select(r => r.Booking!.BookingId).Distinct());
        var records = await OpenStorage().QueryAsync(new RecordQuery(Booking.RecordKind, Seeding.AppId));
        var record = Assert.Single(records, r => r.Key == results[0].Booking!.SeatId);
        Assert.Contains(bookingId, record.Payload, StringComparison.Ordinal);
        Assert.Equal("U-1", record.Owner);
    }

    [Fact]
    public async Task SeatGrain_ConcurrentConfirmsWithDifferentPayments_OneBookedOthersTokenUsed()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var hold = await seat.TryHoldAsync("U-1");
        using var start = new ManualResetEventSlim();

        var confirms = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
        {
            start.Wait();
            return seat.ConfirmAsync(hold.ReservationToken!, "U-1", $"PAY-{i}");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(confirms);

        Assert.Single(results, r => r.Outcome == ConfirmOutcome.Booked);
        Assert.Equal(19, results.Count(r => r.Outcome == ConfirmOutcome.TokenUsed));
    }

    [Fact]
    public async Task SeatGrain_BookingRowAlreadyStored_ConfirmThrowsAndSeatStaysHeld()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-dup");
        var hold = await seat.TryHoldAsync("U-1");
        var storage = OpenStorage();
        var stray = new UniqueRecord(Booking.RecordKind, Seeding.AppId, "S-dup", "U-9", _cluster.Time.GetUtcNow(), "{}");
        await storage.WriteAsync(new GrainId("test", "stray"), "state", "{}", null, stray);

        await Assert.ThrowsAsync<DuplicateRecordException>(() => seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));

        var view = await seat.GetAsync();
        Assert.Equal(SeatStatus.Held, view!.Status);
        Assert.Equal("Held", await Seeding.StoredStatusAsync(storage, "S-dup"));
        Assert.Equal(stray, await storage.GetAsync(Booking.RecordKind, Seeding.AppId, "S-dup"));
        await Assert.ThrowsAsync<DuplicateRecordException>(() => seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
    }

    [Fact]
    public async Task SeatGrain_SiloKilledAndReplaced_KeepsBookingAndLiveHoldAndExpiresOnNewSilo()
    {
        var booked = await Seeding.NewSeatAsync(Grains, "S-booked");
        var bookedHold = await booked.TryHoldAsync("U-1");
        var booking = (await booked.ConfirmAsync(bookedHold.ReservationToken!, "U-1", "PAY-1")).Booking;
        var held = await Seeding.NewSeatAsync(Grains, "S-held");
        var hold = await held.TryHoldAsync("U-2");
        _cluster.Time.Advance(TimeSpan.FromSeconds(30));

        _cluster.Silos[0].Kill();
        var grains = (await _cluster.StartSiloAsync()).GrainFactory;
        var bookedAgain = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, "S-booked"));
        var heldAgain = grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, "S-held"));

        Assert.Equal(SeatStatus.Booked, (await bookedAgain.GetAsync())!.Status);
        Assert.Equal(new ConfirmResult(ConfirmOutcome.AlreadyBooked, booking), await bookedAgain.ConfirmAsync(bookedHold.ReservationToken!, "U-1", "PAY-1"));
        var heldView = await heldAgain.GetAsync();
        Assert.Equal(SeatStatus.Held, heldView!.Status);
        Assert.Equal(hold.ExpiresAt, heldView.HeldUntil);
        Assert.Same(HoldResult.Unavailable, await heldAgain.TryHoldAsync("U-3"));

        _cluster.Time.Advance(TimeSpan.FromSeconds(90) + GrainsTestCluster.ReminderTick);
        await heldAgain.GetAsync(); // queued behind the reminder's turn

        var storage = OpenStorage();
        Assert.Equal("Available", await Seeding.StoredStatusAsync(storage, "S-held"));
        Assert.Null(await storage.ReadRowAsync(Seeding.SeatId("S-held"), SeatGrain.HoldExpiryReminder));
        Assert.Equal(ConfirmResult.Expired, await heldAgain.ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-2"));
    }
}
