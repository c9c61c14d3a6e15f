using System.Collections.Immutable;
using Reservations.Grains.Seats;

namespace Reservations.Grains.BestSeats;

/// <summary>How a best-available hold ended.</summary>
public enum BestHoldOutcome
{
    /// <summary>The seats are held together under one group token.</summary>
    Granted,
    /// <summary>No seats fit the request together (too few free, or none side by side or in one section).</summary>
    NotEnough,
    /// <summary>The seats would give the user more live holds than the app allows.</summary>
    TooManyHolds,
    /// <summary>Every proposal lost its race to other holds; nothing is held.</summary>
    Contended,
}

/// <summary>The answer to a best-available hold: when Granted, the group's token, its expiry and the seats held.</summary>
[GenerateSerializer, Immutable, Alias("reservations.best-hold-result")]
public sealed record BestHoldResult(
    [property: Id(0)] BestHoldOutcome Outcome,
    [property: Id(1)] ImmutableArray<SeatView> Seats,
    [property: Id(2)] string? ReservationToken = null,
    [property: Id(3)] DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Without the token: Orleans traces messages with their ToString, and the token is a secret.</summary>
    public override string ToString() => $"BestHoldResult {{ Outcome = {Outcome}, Seats = {Seats.Length}, ExpiresAt = {ExpiresAt} }}";
}
