namespace Reservations.Api.Contracts;

/// <summary>The first event of GET /seats/live: every seat as GET /seats lists it, and the server's clock.</summary>
public sealed record SeatMapSnapshot(string EntityId, DateTimeOffset ServerTime, IReadOnlyList<SeatResponse> Seats);

/// <summary>A later event of GET /seats/live: one seat's new status; a hold's remaining time is HeldUntil - ServerTime.</summary>
public sealed record SeatMapChange(string SeatId, string Status, DateTimeOffset? HeldUntil, DateTimeOffset ServerTime);
