using System.Collections.Immutable;

namespace Reservations.Grains.Groups;

/// <summary>How a group hold ended.</summary>
public enum GroupHoldOutcome
{
    /// <summary>Every seat is held under the group's token.</summary>
    Granted,
    /// <summary>Some seats were held or booked by others: none is held by this request.</summary>
    Unavailable,
    /// <summary>Some seats do not exist: none is held by this request.</summary>
    NotFound,
    /// <summary>The seats would give the user more live holds than the app allows: none is held.</summary>
    TooManyHolds,
}

/// <summary>The answer to a group hold; SeatIds lists the seats that were unavailable or unknown when refused.</summary>
[GenerateSerializer, Immutable, Alias("reservations.group-hold-result")]
public sealed record GroupHoldResult(
    [property: Id(0)] GroupHoldOutcome Outcome,
    [property: Id(1)] ImmutableArray<string> SeatIds,
    [property: Id(2)] string? ReservationToken = null,
    [property: Id(3)] DateTimeOffset? ExpiresAt = null);
