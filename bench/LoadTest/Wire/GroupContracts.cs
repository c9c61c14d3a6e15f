namespace Reservations.LoadTest.Wire;

public sealed record ReserveSeatsRequest(IReadOnlyList<string> SeatIds);

public sealed record GroupReservationResponse(string ReservationToken, IReadOnlyList<string> SeatIds, DateTimeOffset ExpiresAt);

public sealed record GroupBookingResponse(IReadOnlyList<BookingResponse> Bookings);
