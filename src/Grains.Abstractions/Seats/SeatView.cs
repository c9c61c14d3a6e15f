namespace Reservations.Grains.Seats;

/// <summary>A seat and its live status; HeldUntil is set only while held.</summary>
public sealed record SeatView(string SeatId, string EntityId, string SeatNumber, decimal Price, SeatStatus Status, DateTimeOffset? HeldUntil);
