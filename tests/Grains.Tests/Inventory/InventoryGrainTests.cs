using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Inventory;

public sealed class InventoryGrainTests : OneSiloTests
{
    [Fact]
    public async Task AddSeats_TwoBatches_ListsAllInOrderAndInitializesEachSeat()
    {
        var inventory = Grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped("APP-1", "E-1"));

        var first = await inventory.AddSeatsAsync([new SeatSpec("A1", 10m), new SeatSpec("A2", 12.5m)]);
        var second = await inventory.AddSeatsAsync([new SeatSpec("B1", 20m)]);

        Assert.Equal(first.Concat(second), await inventory.GetSeatsAsync());
        Assert.Equal(3, first.Concat(second).Select(s => s.SeatId).Distinct().Count());
        Assert.All(first.Concat(second), s => Assert.Matches("^S-[A-Za-z0-9_-]{10,}$", s.SeatId));
        var seat = await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped("APP-1", first[1].SeatId)).GetAsync();
        Assert.Equal(new SeatView(first[1].SeatId, "E-1", "A2", 12.5m, SeatStatus.Available, null), seat);
    }

    [Fact]
    public async Task GetSeats_UnknownEntity_Empty()
    {
        Assert.Empty(await Grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped("APP-1", "E-none")).GetSeatsAsync());
    }

    [Fact]
    public async Task AddSeats_OtherApp_SeatsNotReachableFromFirstApp()
    {
        var seats = await Grains.GetGrain<IInventoryGrain>(GrainKeys.Scoped("APP-2", "E-1")).AddSeatsAsync([new SeatSpec("A1", 10m)]);

        Assert.Null(await Grains.GetGrain<ISeatGrain>(GrainKeys.Scoped("APP-1", seats[0].SeatId)).GetAsync());
    }
}
