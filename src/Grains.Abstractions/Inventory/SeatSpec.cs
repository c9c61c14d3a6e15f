namespace Reservations.Grains.Inventory;

/// <summary>
/// A seat to create, or a seat as the catalog keeps it: its number, its price (its category's, when it
/// has one), and optionally its place in the hall and its category. Seats seeded before places and
/// categories existed load with neither.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-spec")]
public sealed record SeatSpec(
    [property: Id(0)] string SeatNumber,
    [property: Id(1)] decimal Price,
    [property: Id(2)] SeatPlace? Place = null,
    [property: Id(3)] string? Category = null);
