using Reservations.LoadTest.Invariants;

namespace Reservations.LoadTest.Core;

/// <summary>The outcome of a run: the scenario's figures, the ceiling's if measured, and the invariant checks.</summary>
public sealed record LoadTestReport(
    ScenarioKind Scenario, LoadTestOptions Options, GatewaySpread Spread, PhaseResult Measured, PhaseResult? Ceiling, InvariantReport Invariants,
    IReadOnlyList<string> Notes)
{
    /// <summary>What the seat-map clients received, when the run had any (--watchers).</summary>
    public WatcherReport? Watchers { get; init; }

    public double? CeilingRatio => Ceiling is { RequestsPerSecond: > 0 } ceiling ? Measured.RequestsPerSecond / ceiling.RequestsPerSecond : null;
}
