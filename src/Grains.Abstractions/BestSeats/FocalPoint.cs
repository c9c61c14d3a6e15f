namespace Reservations.Grains.BestSeats;

/// <summary>
/// Where an entity's best seats are (a stage's front centre, a screen's sweet spot): a row, of a section
/// when row labels repeat across sections, and a position; a missing row is the front row, a missing
/// position the centre of each row. No focal point at all means front centre.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.focal-point")]
public sealed record FocalPoint(
    [property: Id(0)] string? Section,
    [property: Id(1)] string? Row,
    [property: Id(2)] int? Position);
