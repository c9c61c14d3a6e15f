using Reservations.Grains.Seats;

namespace Reservations.Api.Contracts;

public sealed record ConfirmBookingRequest(string? ReservationToken, string? PaymentId);

public sealed record BookingResponse(
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
    public static BookingResponse From(Booking booking) => new(
        booking.BookingId,
        booking.AppId,
        booking.SeatId,
        booking.EntityId,
        booking.SeatNumber,
        booking.Price,
        booking.UserId,
        booking.PaymentId,
        booking.BookedAt);
}

public sealed record BookingPage(IReadOnlyList<BookingResponse> Items, string? NextCursor);
