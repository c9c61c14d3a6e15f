namespace Reservations.Grains.Seats;

/// <summary>How an extension or a payment start ended.</summary>
public enum HoldChangeOutcome
{
    /// <summary>The hold now lasts until HeldUntil (for a repeated payment start: unchanged).</summary>
    Changed,
    /// <summary>The hold expired, was released or booked: the token holds nothing.</summary>
    Expired,
    /// <summary>The token is someone else's.</summary>
    NotHolder,
    /// <summary>No more extensions: the most of them, or the longest total hold, was reached.</summary>
    ExtensionLimit,
    /// <summary>Payment has started on this hold; it is kept by the payment's grace, not extended.</summary>
    PaymentStarted,
    /// <summary>No such seat.</summary>
    NotFound,
}

/// <summary>
/// The answer to an extension or a payment start; HeldUntil is the hold's end when Changed, SeatIds a group's seats,
/// ExtensionsLeft how many more extensions the hold may get (none once payment started).
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.hold-change")]
public sealed record HoldChange(
    [property: Id(0)] HoldChangeOutcome Outcome,
    [property: Id(1)] DateTimeOffset? HeldUntil = null,
    [property: Id(2)] IReadOnlyList<string>? SeatIds = null,
    [property: Id(3)] int ExtensionsLeft = 0)
{
    /// <summary>Shared refusals.</summary>
    public static readonly HoldChange Expired = new(HoldChangeOutcome.Expired);

    /// <inheritdoc cref="Expired"/>
    public static readonly HoldChange NotHolder = new(HoldChangeOutcome.NotHolder);

    /// <inheritdoc cref="Expired"/>
    public static readonly HoldChange ExtensionLimit = new(HoldChangeOutcome.ExtensionLimit);

    /// <inheritdoc cref="Expired"/>
    public static readonly HoldChange PaymentStarted = new(HoldChangeOutcome.PaymentStarted);

    /// <inheritdoc cref="Expired"/>
    public static readonly HoldChange NotFound = new(HoldChangeOutcome.NotFound);
}
