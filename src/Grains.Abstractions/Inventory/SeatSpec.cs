namespace Reservations.Grains.Inventory;

/// <summary>A seat to create.</summary>
public sealed record SeatSpec(string SeatNumber, decimal Price);
