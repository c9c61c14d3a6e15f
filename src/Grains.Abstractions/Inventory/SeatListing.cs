namespace Reservations.Grains.Inventory;

/// <summary>A seat of an entity, without its live status.</summary>
public sealed record SeatListing(string SeatId, string SeatNumber, decimal Price);
