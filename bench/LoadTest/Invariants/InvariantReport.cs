namespace Reservations.LoadTest.Invariants;

/// <summary>What the checker looked at and what it found.</summary>
public sealed record InvariantReport(
    int HoldsChecked, int ConfirmsChecked, int EngineBookings, TimeSpan HoldDuration, IReadOnlyList<Violation> Violations)
{
    public bool Passed => Violations.Count == 0;
}
