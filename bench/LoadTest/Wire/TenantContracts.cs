namespace Reservations.LoadTest.Wire;

public sealed record SignupRequest(string Email, string Password, string Name);

public sealed record SignupResponse(string UserId, string Token, DateTimeOffset ExpiresAt);

public sealed record ReserveSeatRequest(string SeatId);

public sealed record ReservationResponse(string ReservationToken, string SeatId, DateTimeOffset ExpiresAt);

public sealed record ReleaseSeatRequest(string ReservationToken);

public sealed record ConfirmBookingRequest(string ReservationToken, string PaymentId);
