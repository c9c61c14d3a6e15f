using Reservations.Grains.Seats;

namespace Reservations.Api.Contracts;

public sealed record ConfirmBookingRequest(string? ReservationToken, string? PaymentId);

public sealed record BookingPage(IReadOnlyList<Booking> Items, string? NextCursor);
