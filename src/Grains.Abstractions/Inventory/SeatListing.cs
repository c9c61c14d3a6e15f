namespace Reservations.Grains.Inventory;

/// <summary>A seat of an entity, without its live status.</summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-listing")]
public sealed record SeatListing(
    [property: Id(0)] string SeatId, [property: Id(1)] string SeatNumber, [property: Id(2)] decimal Price, [property: Id(3)] string? Category = null);
