namespace Reservations.Grains.Seats;

/// <summary>
/// How long a hold may last: the one rule for extensions and payment starts, used by seats for their
/// own holds and by groups for theirs (whose seats then take the group's answer).
/// </summary>
internal static class HoldTerms
{
    /// <summary>The hold's next end if it may be extended once more; otherwise why not.</summary>
    public static HoldChange Extend(ReservationOptions options, DateTimeOffset heldUntil, DateTimeOffset startedAt, int extensions, bool paying)
    {
        if (paying)
        {
            return HoldChange.PaymentStarted;
        }

        if (ExtensionsLeft(options, heldUntil, startedAt, extensions, paying: false) == 0)
        {
            return HoldChange.ExtensionLimit;
        }

        var cap = startedAt + options.MaxHoldTotal;
        var next = heldUntil + options.HoldExtension;
        return new HoldChange(HoldChangeOutcome.Changed, next < cap ? next : cap);
    }

    /// <summary>How many more times <see cref="Extend"/> would succeed: none once paying or at the longest total hold.</summary>
    public static int ExtensionsLeft(ReservationOptions options, DateTimeOffset heldUntil, DateTimeOffset startedAt, int extensions, bool paying) =>
        paying || heldUntil >= startedAt + options.MaxHoldTotal ? 0 : Math.Max(0, options.MaxHoldExtensions - extensions);

    /// <summary>A paying hold lasts the payment's grace from its start, and never less than it already had.</summary>
    public static DateTimeOffset Paying(ReservationOptions options, DateTimeOffset heldUntil, DateTimeOffset now)
    {
        var grace = now + options.PaymentGrace;
        return grace > heldUntil ? grace : heldUntil;
    }
}
