using Reservations.Api.SeatMap;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;

namespace Reservations.Api.Tests;

/// <summary>The feed's ordering of a seat's news, without grains: what its clients are handed.</summary>
public sealed class SeatMapFeedTests
{
    private static readonly DateTimeOffset HeldUntil = DateTimeOffset.UnixEpoch.AddMinutes(2);

    [Fact]
    public async Task HoldEndedAtItsOwnVersion_IsHandedOn_AndNoOlderStateAfterIt()
    {
        var feed = new SeatMapFeed("APP", "E", grains: null!, factory: null!);
        var client = feed.Join(capacity: 16, out _);
        ISeatMapObserver observer = feed;

        await observer.SeatChangedAsync("E:1", new SeatChange(SeatStatus.Held, HeldUntil, 1));
        Assert.Equal(new SeatChange(SeatStatus.Held, HeldUntil, 1), client.Take([])["E:1"]);

        await observer.SeatChangedAsync("E:1", new SeatChange(SeatStatus.Available, null, 1)); // the page swept the hold
        Assert.Equal(new SeatChange(SeatStatus.Available, null, 1), client.Take([])["E:1"]);

        await observer.SeatChangedAsync("E:1", new SeatChange(SeatStatus.Held, HeldUntil, 1)); // late news of that hold
        await observer.SeatChangedAsync("E:1", new SeatChange(SeatStatus.Available, null, 0)); // a rebuilt page's view
        Assert.Empty(client.Take([]));

        await observer.SeatChangedAsync("E:1", new SeatChange(SeatStatus.Held, HeldUntil.AddMinutes(5), 2));
        await observer.SeatChangedAsync("E:1", new SeatChange(SeatStatus.Available, null, 1)); // the old hold's end, overtaken
        Assert.Equal(new SeatChange(SeatStatus.Held, HeldUntil.AddMinutes(5), 2), client.Take([])["E:1"]);
    }
}
