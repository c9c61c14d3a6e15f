using Reservations.Grains.Seats;

namespace Reservations.Api.SeatMap;

/// <summary>A seat of a snapshot: its listing and the state the feed last heard of.</summary>
internal sealed record LiveSeat(string SeatId, string SeatNumber, decimal Price, SeatStatus Status, DateTimeOffset? HeldUntil);
