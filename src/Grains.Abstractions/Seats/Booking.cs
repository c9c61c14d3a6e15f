namespace Reservations.Grains.Seats;

/// <summary>
/// A confirmed booking: decided by the seat's state (I2), recorded in the booking ledger. Price and
/// Category are what the seat was sold at (Category null for a seat without one).
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.booking")]
public sealed record Booking(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string AppId,
    [property: Id(2)] string SeatId,
    [property: Id(3)] string EntityId,
    [property: Id(4)] string SeatNumber,
    [property: Id(5)] decimal Price,
    [property: Id(6)] string UserId,
    [property: Id(7)] string PaymentId,
    [property: Id(8)] DateTimeOffset BookedAt,
    [property: Id(9)] string? Category = null);
