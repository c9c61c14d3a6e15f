namespace Reservations.Grains.Inventory;

/// <summary>
/// Where a seat is in its hall: a section (null for a hall of one), a row, its position in the row
/// (seats whose positions follow each other sit side by side; a gap is an aisle) and whether it is
/// accessible. Rows are front to back in the order the catalog first names them.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-place")]
public sealed record SeatPlace(
    [property: Id(0)] string? Section,
    [property: Id(1)] string Row,
    [property: Id(2)] int Position,
    [property: Id(3)] bool Accessible);
