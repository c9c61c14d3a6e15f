using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Inventory;

/// <summary>A catalog page's watchers (the live seat map): what they get on registering, and every change after it, refusals excepted.</summary>
public sealed class SeatMapWatchTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private GrainsCluster Cluster => fixture.Cluster;

    private IGrainFactory Grains => Cluster.Grains;

    [Fact]
    public async Task Watch_SeatsWithVersions_ThenEachChangeInOrder_RefusalsSendNothing()
    {
        var seats = await Seeding.NewSeatsAsync(Grains, 2);
        var page = Seeding.PageOf(Grains, seats[0]);
        var watcher = new RecordingWatcher();
        var reference = Grains.CreateObjectReference<ISeatMapObserver>(watcher);

        var entries = await page.WatchAsync(reference);
        Assert.Equal([Seeding.SeatIdOf(seats[0]), Seeding.SeatIdOf(seats[1])], entries.Select(e => e.SeatId));
        Assert.Equal(["A1", "A2"], entries.Select(e => e.SeatNumber));
        Assert.All(entries, e => Assert.Equal((SeatStatus.Available, (DateTimeOffset?)null, 0L, 25.50m), (e.Status, e.HeldUntil, e.Version, e.Price)));

        var hold = await seats[0].TryHoldAsync("U-1");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HoldResult.Unavailable, await seats[0].TryHoldAsync($"U-loser-{i}"));
        }

        await seats[0].ConfirmAsync(hold.ReservationToken!, "U-1", "PAY-1");
        var other = await seats[1].TryHoldAsync("U-2");
        await seats[1].ReleaseAsync(other.ReservationToken!, "U-2");

        Assert.Equal((Seeding.SeatIdOf(seats[0]), new SeatChange(SeatStatus.Held, hold.ExpiresAt, 1)), await watcher.NextAsync());
        Assert.Equal((Seeding.SeatIdOf(seats[0]), new SeatChange(SeatStatus.Booked, null, 2)), await watcher.NextAsync());
        Assert.Equal((Seeding.SeatIdOf(seats[1]), new SeatChange(SeatStatus.Held, other.ExpiresAt, 1)), await watcher.NextAsync());
        Assert.Equal((Seeding.SeatIdOf(seats[1]), new SeatChange(SeatStatus.Available, null, 2)), await watcher.NextAsync());

        // Registering again renews the watch and reports the versions the page heard.
        Assert.Equal([2L, 2L], (await page.WatchAsync(reference)).Select(e => e.Version));
        Assert.False(watcher.TryNext(out var extra), $"nothing else was sent, but {extra}");
        Grains.DeleteObjectReference<ISeatMapObserver>(reference);
    }

    [Fact]
    public async Task Sweep_FreesAnExpiredHold_WatchersHearIt()
    {
        var seat = await Seeding.NewSeatAsync(Grains);
        var page = Seeding.PageOf(Grains, seat);
        var watcher = new RecordingWatcher();
        var reference = Grains.CreateObjectReference<ISeatMapObserver>(watcher);
        await page.WatchAsync(reference);
        var hold = await seat.TryHoldAsync("U-1");
        Assert.Equal(new SeatChange(SeatStatus.Held, hold.ExpiresAt, 1), (await watcher.NextAsync()).Change);
        await Seeding.WaitForSweepAsync(Cluster, seat);

        Cluster.Clock.Advance(TimeSpan.FromMinutes(3));

        // The page says so itself, at the hold's version: the seat stores nothing for a dead hold.
        Assert.Equal((Seeding.SeatIdOf(seat), new SeatChange(SeatStatus.Available, null, 1)), await watcher.NextAsync());
        Grains.DeleteObjectReference<ISeatMapObserver>(reference);
    }

    [Fact]
    public async Task Unwatch_NothingMoreIsSent()
    {
        var seats = await Seeding.NewSeatsAsync(Grains, 1);
        var page = Seeding.PageOf(Grains, seats[0]);
        var (leaving, staying) = (new RecordingWatcher(), new RecordingWatcher());
        var leavingReference = Grains.CreateObjectReference<ISeatMapObserver>(leaving);
        var stayingReference = Grains.CreateObjectReference<ISeatMapObserver>(staying);
        await page.WatchAsync(leavingReference);
        await page.WatchAsync(stayingReference);
        await page.UnwatchAsync(leavingReference);

        var hold = await seats[0].TryHoldAsync("U-1");
        await seats[0].ReleaseAsync(hold.ReservationToken!, "U-1");

        Assert.Equal(SeatStatus.Held, (await staying.NextAsync()).Change.Status);
        Assert.Equal(SeatStatus.Available, (await staying.NextAsync()).Change.Status);
        Assert.False(leaving.TryNext(out var heard), $"an unwatched page sent {heard}");
        Grains.DeleteObjectReference<ISeatMapObserver>(leavingReference);
        Grains.DeleteObjectReference<ISeatMapObserver>(stayingReference);
    }
}
