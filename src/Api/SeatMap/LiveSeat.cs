using Reservations.Grains.Inventory;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;

namespace Reservations.Api.SeatMap;

/// <summary>A seat of a snapshot: its listing (place, category and channel included) and the state the feed last heard of.</summary>
internal sealed record LiveSeat(string SeatId, string SeatNumber, decimal Price, SeatStatus Status, DateTimeOffset? HeldUntil, SeatMapEntry Listing)
{
    public SeatPlace? Place => Listing.Place;

    public string? Category => Listing.Category;

    public string? Channel => Listing.Channel;
}
