using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>A traffic pattern. One instance runs the warm-up and the measured phase, so seat state carries over.</summary>
public interface IScenario
{
    /// <summary>Runs every user's loop until <paramref name="stop"/>; a user finishes the hold in hand before it quits.</summary>
    Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort);

    /// <summary>Anything the report should say about the run (seats ran out, ...).</summary>
    IReadOnlyList<string> Notes { get; }
}
