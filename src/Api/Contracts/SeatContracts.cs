namespace Reservations.Api.Contracts;

public sealed record SeatResponse(
    string SeatId, string SeatNumber, decimal Price, string Status, DateTimeOffset? HeldUntil,
    string? Section = null, string? Row = null, int? Position = null, string? Category = null, bool? Accessible = null, string? Channel = null);

public sealed record SeatsResponse(string EntityId, IAsyncEnumerable<SeatResponse> Seats);

public sealed record ReserveSeatRequest(string? SeatId);

public sealed record ReservationResponse(string ReservationToken, string SeatId, DateTimeOffset ExpiresAt);

public sealed record ReleaseSeatRequest(string? ReservationToken);

public sealed record ReleaseResponse(string SeatId, string Status);
