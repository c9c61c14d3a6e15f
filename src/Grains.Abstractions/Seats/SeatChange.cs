namespace Reservations.Grains.Seats;

/// <summary>
/// What a seat tells its catalog page after each change, one way. Version grows with every change of
/// the seat, so a page that receives two changes out of order keeps the newer. Channel: the sales channel the seat is kept for.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-change")]
public readonly record struct SeatChange(
    [property: Id(0)] SeatStatus Status,
    [property: Id(1)] DateTimeOffset? HeldUntil,
    [property: Id(2)] long Version,
    [property: Id(3)] string? Channel = null);
