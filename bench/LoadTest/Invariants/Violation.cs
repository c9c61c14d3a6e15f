namespace Reservations.LoadTest.Invariants;

/// <summary>One broken invariant (I1..I4 of ARCHITECTURE §3) with what was seen.</summary>
public sealed record Violation(string Invariant, string Detail);
