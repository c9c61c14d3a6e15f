namespace Reservations.Grains.Seats;

/// <summary>How a hold attempt ended.</summary>
public enum HoldOutcome
{
    /// <summary>The caller holds the seat.</summary>
    Granted,
    /// <summary>Held by someone else, or booked.</summary>
    Unavailable,
    /// <summary>No such seat.</summary>
    NotFound,
    /// <summary>Refused before reaching the seat: the user already holds the most seats the app allows.</summary>
    TooManyHolds,
    /// <summary>The seat is kept for a sales channel the request did not name.</summary>
    ReservedForChannel,
}

/// <summary>The answer to a hold attempt. Refusals are shared instances: refusing allocates nothing.</summary>
[GenerateSerializer, Immutable, Alias("reservations.hold-result")]
public sealed record HoldResult(
    [property: Id(0)] HoldOutcome Outcome,
    [property: Id(1)] string? ReservationToken = null,
    [property: Id(2)] DateTimeOffset? ExpiresAt = null)
{
    /// <summary>The seat is held by someone else or booked.</summary>
    public static readonly HoldResult Unavailable = new(HoldOutcome.Unavailable);

    /// <summary>No such seat.</summary>
    public static readonly HoldResult NotFound = new(HoldOutcome.NotFound);

    /// <summary>The user already holds the most seats the app allows.</summary>
    public static readonly HoldResult TooManyHolds = new(HoldOutcome.TooManyHolds);

    /// <summary>The seat is kept for a sales channel.</summary>
    public static readonly HoldResult ReservedForChannel = new(HoldOutcome.ReservedForChannel);

    /// <summary>Without the token: Orleans traces messages between grains with their ToString, and the token is a secret.</summary>
    public override string ToString() => $"HoldResult {{ Outcome = {Outcome}, ExpiresAt = {ExpiresAt} }}";
}
