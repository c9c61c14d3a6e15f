using Reservations.Grains.Tenants;

namespace Reservations.Grains.Seats;

/// <summary>
/// How long a hold may last: the one rule for extensions and payment starts, used by seats for their
/// own holds and by groups for theirs (whose seats then take the group's answer).
/// </summary>
internal static class HoldTerms
{
    /// <summary>The hold's next end if it may be extended once more; otherwise why not.</summary>
    public static HoldChange Extend(HoldLimits limits, DateTimeOffset heldUntil, DateTimeOffset startedAt, int extensions, bool paying)
    {
        if (paying)
        {
            return HoldChange.PaymentStarted;
        }

        if (ExtensionsLeft(limits, heldUntil, startedAt, extensions, paying: false) == 0)
        {
            return HoldChange.ExtensionLimit;
        }

        var cap = startedAt + limits.MaxTotal;
        var next = heldUntil + limits.Extension;
        return new HoldChange(HoldChangeOutcome.Changed, next < cap ? next : cap);
    }

    /// <summary>How many more times <see cref="Extend"/> would succeed: none once paying or at the longest total hold.</summary>
    public static int ExtensionsLeft(HoldLimits limits, DateTimeOffset heldUntil, DateTimeOffset startedAt, int extensions, bool paying) =>
        paying || heldUntil >= startedAt + limits.MaxTotal ? 0 : Math.Max(0, limits.MaxExtensions - extensions);

    /// <summary>A paying hold lasts the payment's grace from its start, and never less than it already had.</summary>
    public static DateTimeOffset Paying(HoldLimits limits, DateTimeOffset heldUntil, DateTimeOffset now)
    {
        var grace = now + limits.PaymentGrace;
        return grace > heldUntil ? grace : heldUntil;
    }
}
