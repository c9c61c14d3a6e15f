namespace Reservations.Grains.Inventory;

/// <summary>A seat to create, or a seat as the catalog keeps it.</summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-spec")]
public sealed record SeatSpec([property: Id(0)] string SeatNumber, [property: Id(1)] decimal Price);
