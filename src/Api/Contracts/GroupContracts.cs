using Reservations.Grains.Seats;

namespace Reservations.Api.Contracts;

public sealed record ReserveSeatsRequest(IReadOnlyList<string?>? SeatIds);

public sealed record GroupReservationResponse(string ReservationToken, IReadOnlyList<string> SeatIds, DateTimeOffset ExpiresAt);

public sealed record GroupBookingResponse(IReadOnlyList<Booking> Bookings);

public sealed record GroupReleaseResponse(IReadOnlyList<string> SeatIds, string Status);

public sealed record HoldRequest(string? ReservationToken);

public sealed record HoldTimeResponse(string SeatId, DateTimeOffset ExpiresAt, int ExtensionsLeft);

public sealed record GroupHoldTimeResponse(IReadOnlyList<string> SeatIds, DateTimeOffset ExpiresAt, int ExtensionsLeft);
