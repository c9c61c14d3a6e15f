namespace Reservations.Grains.Seats;

/// <summary>A confirmed booking; stored as a unique record (kind "booking", partition appId, key seatId, owner userId).</summary>
public sealed record Booking(
    string BookingId,
    string AppId,
    string SeatId,
    string EntityId,
    string SeatNumber,
    decimal Price,
    string UserId,
    string PaymentId,
    DateTimeOffset BookedAt)
{
    /// <summary>The record kind bookings are stored under.</summary>
    public const string RecordKind = "booking";
}
