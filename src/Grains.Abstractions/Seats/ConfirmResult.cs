namespace Reservations.Grains.Seats;

/// <summary>How a confirmation ended.</summary>
public enum ConfirmOutcome
{
    /// <summary>A new booking was made.</summary>
    Booked,
    /// <summary>The same token and paymentId confirmed before: the same booking.</summary>
    AlreadyBooked,
    /// <summary>The token confirmed before with another paymentId.</summary>
    TokenUsed,
    /// <summary>The hold expired or was released: the token can no longer confirm.</summary>
    Expired,
    /// <summary>The token is someone else's.</summary>
    NotHolder,
    /// <summary>No such seat.</summary>
    NotFound,
}

/// <summary>The answer to a confirmation; Booking is set for Booked and AlreadyBooked.</summary>
[GenerateSerializer, Immutable, Alias("reservations.confirm-result")]
public sealed record ConfirmResult([property: Id(0)] ConfirmOutcome Outcome, [property: Id(1)] Booking? Booking = null)
{
    /// <summary>Shared refusals.</summary>
    public static readonly ConfirmResult TokenUsed = new(ConfirmOutcome.TokenUsed);

    /// <inheritdoc cref="TokenUsed"/>
    public static readonly ConfirmResult Expired = new(ConfirmOutcome.Expired);

    /// <inheritdoc cref="TokenUsed"/>
    public static readonly ConfirmResult NotHolder = new(ConfirmOutcome.NotHolder);

    /// <inheritdoc cref="TokenUsed"/>
    public static readonly ConfirmResult NotFound = new(ConfirmOutcome.NotFound);
}
