using Reservations.LoadTest.Invariants;

namespace Reservations.LoadTest.Tests;

public sealed class InvariantCheckerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(2);

    [Fact]
    public void Check_HoldsThatFollowEachOther_ReportsNothing()
    {
        var holds = new[] { Hold("s1", startMs: 0, endMs: 50), Hold("s1", startMs: 51, endMs: 100), Hold("s2", startMs: 10, endMs: 60) };
        var confirms = new[] { Confirm("s2", endMs: 61, (201, "b1"), (200, "b1")) };

        var report = InvariantChecker.Check(holds, confirms, [new EngineBooking("b1", "s2", "pay-1")], HoldDuration);

        Assert.True(report.Passed, string.Join("\n", report.Violations));
    }

    [Fact]
    public void Check_HoldGrantedBeforeThePreviousEnded_ReportsI1()
    {
        var holds = new[] { Hold("s1", startMs: 0, endMs: 50), Hold("s1", startMs: 40, endMs: 90) };

        var report = InvariantChecker.Check(holds, [], [], HoldDuration);

        var violation = Assert.Single(report.Violations);
        Assert.StartsWith("I1", violation.Invariant, StringComparison.Ordinal);
        Assert.Contains("s1", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GroupSeatGrantedAfterItsGroupReadTheClock_StartsWhenReceivedNoFalseOverlap()
    {
        // The group read the clock at 0 (so expires at 0 + hold duration), reached this seat after the previous holder
        // released it at 50, and answered at 60.
        var group = new GrantedHold("s1", T0 + HoldDuration, T0.AddMilliseconds(60), T0.AddMilliseconds(90), OfGroup: true);
        var holds = new[] { Hold("s1", startMs: -100, endMs: 50), group };

        Assert.True(InvariantChecker.Check(holds, [], [], HoldDuration).Passed);
        Assert.StartsWith("I1", Assert.Single(InvariantChecker.Check([Hold("s1", startMs: -100, endMs: 70), group], [], [], HoldDuration).Violations).Invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HoldNeverReleased_LivesUntilItExpires()
    {
        var holds = new[] { Hold("s1", startMs: 0, endMs: null), Hold("s1", startMs: 60_000, endMs: 60_050) };

        var report = InvariantChecker.Check(holds, [], [], HoldDuration);

        Assert.StartsWith("I1", Assert.Single(report.Violations).Invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TwoEngineBookingsForOneSeat_ReportsI2()
    {
        var bookings = new[] { new EngineBooking("b1", "s1", "pay-1"), new EngineBooking("b2", "s1", "pay-2") };

        var report = InvariantChecker.Check([], [], bookings, HoldDuration);

        Assert.StartsWith("I2", Assert.Single(report.Violations).Invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CreatedBookingMissingFromEngine_ReportsI4()
    {
        var report = InvariantChecker.Check([], [Confirm("s1", endMs: 10, (201, "b1"))], [], HoldDuration);

        Assert.StartsWith("I4", Assert.Single(report.Violations).Invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RepeatedPayAnsweredWithTwoBookings_ReportsI3()
    {
        var confirms = new[] { Confirm("s1", endMs: 10, (201, "b1"), (201, "b2")) };
        var bookings = new[] { new EngineBooking("b1", "s1", "pay-1"), new EngineBooking("b2", "s1", "pay-2") };

        var report = InvariantChecker.Check([], confirms, bookings, HoldDuration);

        Assert.Contains(report.Violations, v => v.Invariant.StartsWith("I3", StringComparison.Ordinal) && v.Detail.Contains("b1, b2", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Invariant.StartsWith("I2", StringComparison.Ordinal));
        Assert.False(report.Passed);
    }

    [Fact]
    public void Check_ConfirmRetriedAfter503AndNoAnswer_ThatBookedOnce_ReportsNothing()
    {
        var confirms = new[] { Confirm("s1", endMs: 10, (503, null), (0, null), (201, "b1"), (200, "b1")) };

        var report = InvariantChecker.Check([], confirms, [new EngineBooking("b1", "s1", "pay-1")], HoldDuration);

        Assert.True(report.Passed, string.Join("\n", report.Violations));
    }

    [Fact]
    public void Check_RetriedConfirmBookedTwice_ReportsI3AndI2()
    {
        var confirms = new[] { Confirm("s1", endMs: 10, (0, null), (201, "b1"), (201, "b2")) };
        var bookings = new[] { new EngineBooking("b1", "s1", "pay-1"), new EngineBooking("b2", "s1", "pay-1") };

        var report = InvariantChecker.Check([], confirms, bookings, HoldDuration);

        Assert.Contains(report.Violations, v => v.Invariant.StartsWith("I3", StringComparison.Ordinal) && v.Detail.Contains("2 replies were 201", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Invariant.StartsWith("I2", StringComparison.Ordinal) && v.Detail.Contains("b1, b2", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RetriedConfirmAnswered201ButMissingFromEngine_ReportsI4()
    {
        var report = InvariantChecker.Check([], [Confirm("s1", endMs: 10, (503, null), (201, "b1"))], [], HoldDuration);

        var violation = Assert.Single(report.Violations);
        Assert.StartsWith("I4", violation.Invariant, StringComparison.Ordinal);
        Assert.Contains("b1", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RetryRefusedAlthoughTheCutOffConfirmBooked_ReportsI3()
    {
        var report = InvariantChecker.Check([], [Confirm("s1", endMs: 10, (0, null), (410, null))], [new EngineBooking("b1", "s1", "pay-1")], HoldDuration);

        var violation = Assert.Single(report.Violations);
        Assert.StartsWith("I3", violation.Invariant, StringComparison.Ordinal);
        Assert.Contains("lists booking b1 but the confirm was answered 410", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RetriesGivenUp_WhileTheEngineBookedOnce_ReportsNothing()
    {
        var report = InvariantChecker.Check([], [Confirm("s1", endMs: 10, (503, null), (0, null))], [new EngineBooking("b1", "s1", "pay-1")], HoldDuration);

        Assert.True(report.Passed, string.Join("\n", report.Violations));
    }

    [Fact]
    public void Check_WithoutHoldDuration_LearnsItFromTheGrants()
    {
        var report = InvariantChecker.Check([Hold("s1", startMs: 0, endMs: 50)], [], [], holdDuration: null);

        Assert.Equal(HoldDuration - TimeSpan.FromMilliseconds(1), report.HoldDuration);
    }

    // Granted at T0+startMs, answer received 1 ms later; ended (release sent) at T0+endMs.
    private static GrantedHold Hold(string seatId, int startMs, int? endMs) => new(
        seatId,
        T0.AddMilliseconds(startMs) + HoldDuration,
        T0.AddMilliseconds(startMs + 1),
        endMs is { } end ? T0.AddMilliseconds(end) : null);

    private static ConfirmAttempt Confirm(string seatId, int endMs, params (int Status, string? BookingId)[] replies) =>
        new(seatId, "pay-1", replies.Select(r => new ConfirmReply(r.Status, r.BookingId, T0.AddMilliseconds(endMs))).ToList());
}
