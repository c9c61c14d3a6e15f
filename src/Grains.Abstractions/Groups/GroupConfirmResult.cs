using System.Collections.Immutable;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Groups;

/// <summary>How a group confirmation ended.</summary>
public enum GroupConfirmOutcome
{
    /// <summary>At least one seat was booked now; every seat of the group is booked.</summary>
    Booked,
    /// <summary>Every seat was booked before with the same paymentId: the same bookings.</summary>
    AlreadyBooked,
    /// <summary>The token confirmed before with another paymentId.</summary>
    TokenUsed,
    /// <summary>The hold expired or was released before any seat was booked.</summary>
    Expired,
    /// <summary>The token is someone else's.</summary>
    NotHolder,
    /// <summary>Some seats were booked with this paymentId, the others' holds ended first (see docs/decisions.md).</summary>
    Incomplete,
}

/// <summary>The answer to a group confirmation: the bookings made (all of them unless Incomplete) and, when Incomplete, the seats lost.</summary>
[GenerateSerializer, Immutable, Alias("reservations.group-confirm-result")]
public sealed record GroupConfirmResult(
    [property: Id(0)] GroupConfirmOutcome Outcome,
    [property: Id(1)] ImmutableArray<Booking> Bookings,
    [property: Id(2)] ImmutableArray<string> LostSeatIds);
