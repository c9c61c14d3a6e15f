using Reservations.Grains.Seats;

namespace Reservations.Grains.SeatMap;

/// <summary>
/// A seat as its catalog page knows it when a watcher registers: the listing's fields plus the version of
/// the last change the page heard of (0: none since the page was activated), so the watcher can tell the
/// news it already has from older or newer.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.seat-map-entry")]
public sealed record SeatMapEntry(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string SeatNumber,
    [property: Id(2)] decimal Price,
    [property: Id(3)] SeatStatus Status,
    [property: Id(4)] DateTimeOffset? HeldUntil,
    [property: Id(5)] long Version,
    [property: Id(6)] string? Channel = null,
    [property: Id(7)] Inventory.SeatPlace? Place = null,
    [property: Id(8)] string? Category = null);
