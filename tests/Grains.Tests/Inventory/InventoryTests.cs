using System.Collections.Immutable;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Inventory;

/// <summary>An entity's catalog: seeding, its idempotency, its pages, and listings that never call the seats (I8).</summary>
public sealed class InventoryTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private GrainsCluster Cluster => fixture.Cluster;

    private IGrainFactory Grains => Cluster.Grains;

    private static string NewEntity() => "E-" + Guid.NewGuid().ToString("N")[..12];

    private IInventoryGrain Entity(string entityId, string appId = Seeding.AppId) => Grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped(appId, entityId));

    private IInventoryPageGrain Page(string entityId, int page, string appId = Seeding.AppId) =>
        Grains.GetGrain<IInventoryPageGrain>(InventoryPages.Key(appId, entityId, page));

    private static ImmutableArray<SeatSpec> Specs(int from, int count) => [.. Enumerable.Range(from, count).Select(i => new SeatSpec($"R{i}", 10m + (i % 7)))];

    [Fact]
    public async Task AddSeats_TwoCalls_IdsInOrderOfAdditionAndAllListed()
    {
        var entityId = NewEntity();

        var first = (await Entity(entityId).TryAddSeatsAsync([new SeatSpec("A1", 10m), new SeatSpec("A2", 12.5m)])).Seats;
        var second = (await Entity(entityId).TryAddSeatsAsync([new SeatSpec("B1", 20m)])).Seats;

        Assert.Equal(
            [new SeatListing($"{entityId}:1", "A1", 10m), new SeatListing($"{entityId}:2", "A2", 12.5m), new SeatListing($"{entityId}:3", "B1", 20m)],
            first.Concat(second));
        var listed = await Page(entityId, 0).ListAsync();
        Assert.Equal(first.Concat(second).Select(s => s.SeatId), listed.Select(v => v.SeatId));
        Assert.All(listed, v => Assert.Equal(SeatStatus.Available, v.Status));
        Assert.Equal(new SeatView($"{entityId}:2", entityId, "A2", 12.5m, SeatStatus.Available, null), await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, $"{entityId}:2")).GetAsync());
    }

    [Fact]
    public async Task Seat_SeededAfterAnotherSeatOfItsPageActivated_FoundWithItsOwnDefinition()
    {
        var entityId = NewEntity();
        var first = (await Entity(entityId).TryAddSeatsAsync([new SeatSpec("A1", 10m)])).Seats;
        Assert.Equal("A1", (await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, first[0].SeatId)).GetAsync())?.SeatNumber);

        // The silo keeps the page's seats as the first seat read them; a seat seeded since must not be taken for missing.
        var second = (await Entity(entityId).TryAddSeatsAsync([new SeatSpec("B1", 20m, Category: "balcony")])).Seats;

        Assert.Equal(
            new SeatView(second[0].SeatId, entityId, "B1", 20m, SeatStatus.Available, null, Category: "balcony"),
            await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, second[0].SeatId)).GetAsync());
        Assert.Null(await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, $"{entityId}:3")).GetAsync());
    }

    [Fact]
    public async Task AddSeats_SameNumbersAgain_SameSeatsAndOnlyNewOnesAdded()
    {
        var entityId = NewEntity();
        var first = (await Entity(entityId).TryAddSeatsAsync([new SeatSpec("A1", 10m), new SeatSpec("A2", 10m)])).Seats;

        var again = (await Entity(entityId).TryAddSeatsAsync([new SeatSpec("A3", 11m), new SeatSpec("A1", 99m), new SeatSpec("A2", 10m)])).Seats;

        Assert.Equal([new SeatListing($"{entityId}:3", "A3", 11m), first[0], first[1]], again.ToArray());
        Assert.Equal(3, (await Page(entityId, 0).ListAsync()).Length);
    }

    [Fact]
    public async Task AddSeats_ANumberTwiceInOneCall_RefusedAndNothingAdded()
    {
        var entityId = NewEntity();

        await Assert.ThrowsAsync<ArgumentException>(() => Entity(entityId).TryAddSeatsAsync([new SeatSpec("A1", 1m), new SeatSpec("A1", 2m)]));

        Assert.Empty(await Page(entityId, 0).ListAsync());
    }

    [Fact]
    public async Task List_UnknownEntityOrOtherApp_Empty()
    {
        var entityId = NewEntity();
        var seats = (await Entity(entityId, "APP-other").TryAddSeatsAsync(Specs(1, 2))).Seats;

        Assert.Empty(await Page(entityId, 0).ListAsync());
        Assert.Null(await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, seats[0].SeatId)).GetAsync());
        Assert.Equal(2, (await Page(entityId, 0, "APP-other").ListAsync()).Length);
    }

    [Fact]
    public async Task AddSeats_2500AcrossPagesInTwoCalls_ContinuousIdsPagesFillInOrderAndNoSeatIsActivated()
    {
        var entityId = NewEntity();

        var first = (await Entity(entityId).TryAddSeatsAsync(Specs(1, 999))).Seats;
        var second = (await Entity(entityId).TryAddSeatsAsync(Specs(1000, 1501))).Seats;

        var all = first.Concat(second).ToList();
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => $"{entityId}:{i}"), all.Select(s => s.SeatId));
        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Page(entityId, p).ListAsync()));
        Assert.Equal([1000, 1000, 500, 0], pages.Select(p => p.Length));
        Assert.Equal(all.Select(s => s.SeatNumber), pages.SelectMany(p => p).Select(v => v.SeatNumber));
        // Seeding and listing 2,500 seats activated none of them (I8).
        Assert.All(all, s => Assert.Null(Cluster.SiloOf(Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped(Seeding.AppId, s.SeatId)).GetGrainId())));
    }

    [Fact]
    public async Task List_FollowsWhatTheSeatsDo()
    {
        var seats = await Seeding.NewSeatsAsync(Grains, 3);
        var page = Seeding.PageOf(Grains, seats[0]);
        var held = await seats[0].TryHoldAsync("U-1");
        var booked = await seats[1].TryHoldAsync("U-2");
        await seats[1].ConfirmAsync(booked.ReservationToken!, "U-2", "PAY");

        var views = await Eventually.ReturnsAsync(
            () => page.ListAsync(), v => v[0].Status == SeatStatus.Held && v[1].Status == SeatStatus.Booked, "the page to hear from its seats");

        Assert.Equal(held.ExpiresAt, views[0].HeldUntil);
        Assert.Equal(SeatStatus.Available, views[2].Status);
        Cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SeatStatus.Available, (await page.ListAsync())[0].Status); // dead at expiresAt (I5), in listings too
    }
}
