using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.Runtime;
using Reservations.Runtime.Storage.InMemory;
using Reservations.TestingHost;

namespace Reservations.Grains.Tests.Seats;

/// <summary>The seat's rules on one silo, in-memory storage and a fake clock.</summary>
public sealed class SeatGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(2);

    private readonly InMemoryStorage _storage = new();
    private readonly TestCluster _cluster;

    public SeatGrainTests()
    {
        _cluster = GrainsTestCluster.Create(() => _storage);
    }

    private IGrainFactory Grains => _cluster.GrainFactory;

    public Task InitializeAsync() => _cluster.StartSiloAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task TryHold_AvailableSeat_GrantsTokenNamingTheSeatForHoldDuration()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");

        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(HoldOutcome.Granted, hold.Outcome);
        Assert.Equal("S-1", ReservationToken.SeatIdOf(hold.ReservationToken));
        Assert.Equal(_cluster.Time.GetUtcNow() + HoldDuration, hold.ExpiresAt);
        var view = await seat.GetAsync();
        Assert.Equal(new SeatView("S-1", "E-1", "A1", 25.50m, SeatStatus.Held, hold.ExpiresAt), view);
    }

    [Fact]
    public async Task TryHold_StoredState_HoldsTokenHashNeverToken()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");

        var hold = await seat.TryHoldAsync("U-1");

        var stored = await _storage.ReadAsync(Seeding.SeatId("S-1"), "seat");
        var token = hold.ReservationToken!;
        Assert.DoesNotContain(token[(token.LastIndexOf('.') + 1)..], stored!.Json, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(Secrets.Sha256(token)), stored.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHold_UnknownSeat_NotFound()
    {
        var seat = Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, "S-missing"));

        Assert.Same(HoldResult.NotFound, await seat.TryHoldAsync("U-1"));
        Assert.Null(await seat.GetAsync());
        Assert.Equal(ReleaseOutcome.NotFound, await seat.ReleaseAsync("S-missing.x", "U-1"));
        Assert.Equal(ConfirmResult.NotFound, await seat.ConfirmAsync("S-missing.x", "U-1", "PAY-1"));
    }

    [Fact]
    public async Task Initialize_Twice_SecondReturnsFalse()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");

        Assert.False(await seat.InitializeAsync(new SeatDefinition(Seeding.AppId, "S-1", "E-2", "B2", 1m)));
        Assert.Equal("A1", (await seat.GetAsync())!.SeatNumber);
    }

    [Fact]
    public async Task TryHold_HeldOrBooked_RefusesWithoutStorageIo()
    {
        var storage = new CountingStorage(new InMemoryStorage());
        await using var cluster = GrainsTestCluster.Create(() => storage);
        await cluster.StartSiloAsync();
        var held = await Seeding.NewSeatAsync(cluster.GrainFactory, "S-held");
        await held.TryHoldAsync("U-1");
        var booked = await Seeding.NewSeatAsync(cluster.GrainFactory, "S-booked");
        var hold = await booked.TryHoldAsync("U-1");
        await booked.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");
        var (writes, reads, reminderWrites) = (storage.Writes, storage.Reads, storage.ReminderWrites);

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(HoldResult.Unavailable, await held.TryHoldAsync($"U-{i + 2}"));
            Assert.Same(HoldResult.Unavailable, await booked.TryHoldAsync($"U-{i + 2}"));
        }

        Assert.Equal(writes, storage.Writes);
        Assert.Equal(reads, storage.Reads);
        Assert.Equal(reminderWrites, storage.ReminderWrites);
    }

    [Fact]
    public async Task Hold_ReachesHoldDuration_DeadBeforeReminderAndFreedInStorageByIt()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");

        _cluster.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Same(HoldResult.Unavailable, await seat.TryHoldAsync("U-2"));
        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);

        _cluster.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Held", await Seeding.StoredStatusAsync(_storage, "S-1")); // no reminder has run yet
        var view = await seat.GetAsync();
        Assert.Equal(SeatStatus.Available, view!.Status);
        Assert.Null(view.HeldUntil);
        Assert.Same(ConfirmResult.Expired, await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
        Assert.Equal(ReleaseOutcome.Expired, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));

        _cluster.Time.Advance(GrainsTestCluster.ReminderTick);
        await seat.GetAsync(); // queued behind the reminder's turn
        Assert.Equal("Available", await Seeding.StoredStatusAsync(_storage, "S-1"));
        Assert.Null(await _storage.ReadRowAsync(Seeding.SeatId("S-1"), SeatGrain.HoldExpiryReminder));
    }

    [Fact]
    public async Task TryHold_AtExpiryBeforeReminder_OtherUserGrantedAndOldTokenDead()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var first = await seat.TryHoldAsync("U-1");
        _cluster.Time.Advance(HoldDuration);

        var second = await seat.TryHoldAsync("U-2");

        Assert.Equal(HoldOutcome.Granted, second.Outcome);
        Assert.Same(ConfirmResult.Expired, await seat.ConfirmAsync(first.ReservationToken!, "U-1", "PAY-1"));

        // The first hold's reminder tick must not free the second hold.
        _cluster.Time.Advance(GrainsTestCluster.ReminderTick);
        await seat.GetAsync();
        Assert.Equal("Held", await Seeding.StoredStatusAsync(_storage, "S-1"));
        Assert.Equal(ConfirmOutcome.Booked, (await seat.ConfirmAsync(second.ReservationToken!, "U-2", "PAY-2")).Outcome);
    }

    [Fact]
    public async Task Reminder_RepeatedTick_IsHarmless()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        await seat.TryHoldAsync("U-1");
        _cluster.Time.Advance(HoldDuration + GrainsTestCluster.ReminderTick);
        await seat.GetAsync();

        var tick = new TickStatus(_cluster.Time.GetUtcNow(), TimeSpan.FromMinutes(1), _cluster.Time.GetUtcNow());
        await seat.ReceiveReminder(SeatGrain.HoldExpiryReminder, tick);
        await seat.ReceiveReminder(SeatGrain.HoldExpiryReminder, tick);

        Assert.Equal(SeatStatus.Available, (await seat.GetAsync())!.Status);
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }

    [Fact]
    public async Task Release_ByHolder_FreesSeatAndRemovesReminder()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(ReleaseOutcome.Released, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));

        Assert.Equal(SeatStatus.Available, (await seat.GetAsync())!.Status);
        Assert.Equal("Available", await Seeding.StoredStatusAsync(_storage, "S-1"));
        Assert.Null(await _storage.ReadRowAsync(Seeding.SeatId("S-1"), SeatGrain.HoldExpiryReminder));
        Assert.Equal(HoldOutcome.Granted, (await seat.TryHoldAsync("U-2")).Outcome);
    }

    [Fact]
    public async Task Release_ByAnotherUser_NotHolderAndHoldKept()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");

        Assert.Equal(ReleaseOutcome.NotHolder, await seat.ReleaseAsync(hold.ReservationToken!, "U-2"));

        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);
    }

    [Fact]
    public async Task Release_Twice_SecondIsExpired()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");

        await seat.ReleaseAsync(hold.ReservationToken!, "U-1");

        Assert.Equal(ReleaseOutcome.Expired, await seat.ReleaseAsync(hold.ReservationToken!, "U-1"));
        Assert.Same(ConfirmResult.Expired, await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1"));
    }

    [Fact]
    public async Task Release_WrongToken_Expired()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        await seat.TryHoldAsync("U-1");

        Assert.Equal(ReleaseOutcome.Expired, await seat.ReleaseAsync("S-1." + Secrets.NewToken(), "U-1"));
        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);
    }

    [Fact]
    public async Task Confirm_ByAnotherUser_NotHolder()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");

        Assert.Same(ConfirmResult.NotHolder, await seat.ConfirmAsync(hold.ReservationToken!, "U-2", "PAY-1"));
        Assert.Equal(SeatStatus.Held, (await seat.GetAsync())!.Status);
    }

    [Fact]
    public async Task Confirm_LiveHold_BooksDurablyWithRecordAndSeatRefusesHolds()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");
        _cluster.Time.Advance(TimeSpan.FromSeconds(10));

        var result = await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");

        Assert.Equal(ConfirmOutcome.Booked, result.Outcome);
        var booking = result.Booking!;
        Assert.StartsWith("BK-", booking.BookingId, StringComparison.Ordinal);
        Assert.Equal(new Booking(booking.BookingId, Seeding.AppId, "S-1", "E-1", "A1", 25.50m, "U-1", "PAY-1", _cluster.Time.GetUtcNow()), booking);
        Assert.Equal("Booked", await Seeding.StoredStatusAsync(_storage, "S-1"));
        Assert.NotNull(await _storage.GetAsync(Booking.RecordKind, Seeding.AppId, "S-1"));
        Assert.Null(await _storage.ReadRowAsync(Seeding.SeatId("S-1"), SeatGrain.HoldExpiryReminder));
        Assert.Same(HoldResult.Unavailable, await seat.TryHoldAsync("U-2"));
        Assert.Equal(new SeatView("S-1", "E-1", "A1", 25.50m, SeatStatus.Booked, null), await seat.GetAsync());
    }

    [Fact]
    public async Task Confirm_AfterBookingWithOtherToken_Expired()
    {
        var seat = await Seeding.NewSeatAsync(Grains, "S-1");
        var hold = await seat.TryHoldAsync("U-1");
        await seat.ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");

        Assert.Same(ConfirmResult.Expired, await seat.ConfirmAsync("S-1." + Secrets.NewToken(), "U-1", "PAY-1"));
    }
}
