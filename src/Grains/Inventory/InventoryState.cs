namespace Reservations.Grains.Inventory;

/// <summary>An entity's seats, in the order they were added.</summary>
public sealed class InventoryState
{
    public List<SeatListing> Seats { get; set; } = [];
}
