namespace Reservations.Grains.Bookings;

/// <summary>
/// A page of bookings, newest first (ties by app, then seat). Filters left null match everything;
/// <see cref="After"/> is the last booking of the previous page.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.booking-query")]
public sealed record BookingQuery(
    [property: Id(0)] string? AppId = null,
    [property: Id(1)] string? UserId = null,
    [property: Id(2)] DateTimeOffset? From = null,
    [property: Id(3)] DateTimeOffset? To = null,
    [property: Id(4)] BookingCursor? After = null,
    [property: Id(5)] int Limit = 50,
    [property: Id(6)] string? EntityId = null);

/// <summary>Where a page of bookings ended: the order key of its last booking.</summary>
[GenerateSerializer, Immutable, Alias("reservations.booking-cursor")]
public sealed record BookingCursor([property: Id(0)] DateTimeOffset BookedAt, [property: Id(1)] string AppId, [property: Id(2)] string SeatId);
