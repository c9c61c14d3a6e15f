namespace Reservations.Grains.Seats;

/// <summary>What a seat is, as its entity's catalog says: fixed once the seat is seeded. Category is null for a seat seeded without one.</summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-definition")]
public sealed record SeatDefinition(
    [property: Id(0)] string AppId,
    [property: Id(1)] string SeatId,
    [property: Id(2)] string EntityId,
    [property: Id(3)] string SeatNumber,
    [property: Id(4)] decimal Price,
    [property: Id(5)] string? Category = null);
