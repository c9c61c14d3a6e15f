namespace Reservations.Grains.Seats;

/// <summary>A seat and its live status; HeldUntil is set only while held.</summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-view")]
public sealed record SeatView(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string EntityId,
    [property: Id(2)] string SeatNumber,
    [property: Id(3)] decimal Price,
    [property: Id(4)] SeatStatus Status,
    [property: Id(5)] DateTimeOffset? HeldUntil);
