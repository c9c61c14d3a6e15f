namespace Reservations.Grains.Inventory;

/// <summary>
/// A catalog page as stored: its seats, and a checkpoint of the statuses it knows of (written when it
/// sweeps and when it deactivates), so that listings show them after a restart and the ledger can be
/// checked against the bookings the seats reported.
/// </summary>
[GenerateSerializer, Alias("reservations.inventory-page-state")]
public sealed class InventoryPageState
{
    [Id(0)]
    public List<SeatSpec> Seats { get; set; } = [];

    /// <summary>Held slots and when each hold ends.</summary>
    [Id(1)]
    public Dictionary<int, DateTimeOffset> Holds { get; set; } = [];

    /// <summary>Whether the page's sweep reminder is registered.</summary>
    [Id(2)]
    public bool SweepRegistered { get; set; }

    /// <summary>Booked slots, as their seats reported them.</summary>
    [Id(3)]
    public List<int> Booked { get; set; } = [];

    /// <summary>Slots kept for a sales channel, and the channel.</summary>
    [Id(4)]
    public Dictionary<int, string> Channels { get; set; } = [];
}
