using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;

namespace Reservations.Grains.Tests.Seats;

/// <summary>The hold-time rule on its own: how many extensions a hold has left, and that Extend agrees with it.</summary>
public sealed class HoldTermsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly HoldLimits Options = new ReservationOptions
    {
        HoldExtension = TimeSpan.FromMinutes(4),
        MaxHoldExtensions = 3,
        MaxHoldTotal = TimeSpan.FromMinutes(10),
    }.HoldLimits;

    [Fact]
    public void ExtensionsLeft_CountsDown_AndIsZeroWhenTheTotalCapIsReachedFirst()
    {
        var heldUntil = Start.AddMinutes(2);
        Assert.Equal(3, HoldTerms.ExtensionsLeft(Options, heldUntil, Start, extensions: 0, paying: false));

        var first = HoldTerms.Extend(Options, heldUntil, Start, extensions: 0, paying: false);
        Assert.Equal(Start.AddMinutes(6), first.HeldUntil);
        Assert.Equal(2, HoldTerms.ExtensionsLeft(Options, first.HeldUntil!.Value, Start, extensions: 1, paying: false));

        // The second extension is cut at 10 minutes: the count says 1 more, the cap says none.
        var second = HoldTerms.Extend(Options, first.HeldUntil.Value, Start, extensions: 1, paying: false);
        Assert.Equal(Start.AddMinutes(10), second.HeldUntil);
        Assert.Equal(0, HoldTerms.ExtensionsLeft(Options, second.HeldUntil!.Value, Start, extensions: 2, paying: false));
        Assert.Equal(HoldChangeOutcome.ExtensionLimit, HoldTerms.Extend(Options, second.HeldUntil.Value, Start, extensions: 2, paying: false).Outcome);
    }

    [Fact]
    public void ExtensionsLeft_None_OncePaymentStarted()
    {
        Assert.Equal(0, HoldTerms.ExtensionsLeft(Options, Start.AddMinutes(2), Start, extensions: 0, paying: true));
        Assert.Equal(HoldChangeOutcome.PaymentStarted, HoldTerms.Extend(Options, Start.AddMinutes(2), Start, extensions: 0, paying: true).Outcome);
    }
}
