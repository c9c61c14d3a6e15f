namespace Reservations.Api.Contracts;

public sealed record ReserveBestRequest(string? EntityId, int? Count, string? Category = null, string? Section = null, bool? Accessible = null);

public sealed record BestSeatResponse(string SeatId, string SeatNumber, decimal Price, string? Category, string? Section, string Row, int Position, bool Accessible);

public sealed record BestReservationResponse(string ReservationToken, IReadOnlyList<string> SeatIds, DateTimeOffset ExpiresAt, IReadOnlyList<BestSeatResponse> Seats);
