using Reservations.Grains.Inventory;

namespace Reservations.Grains.Seats;

/// <summary>A seat and its live status; HeldUntil is set only while held. Place and Category as seeded, if they were; Channel the sales channel it is kept for.</summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-view")]
public sealed record SeatView(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string EntityId,
    [property: Id(2)] string SeatNumber,
    [property: Id(3)] decimal Price,
    [property: Id(4)] SeatStatus Status,
    [property: Id(5)] DateTimeOffset? HeldUntil,
    [property: Id(6)] SeatPlace? Place = null,
    [property: Id(7)] string? Category = null,
    [property: Id(8)] string? Channel = null);
