namespace Reservations.Grains.Seats;

/// <summary>What a seat is: set once when seats are seeded.</summary>
public sealed record SeatDefinition(string AppId, string SeatId, string EntityId, string SeatNumber, decimal Price);
