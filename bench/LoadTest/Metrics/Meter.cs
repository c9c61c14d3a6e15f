using System.Diagnostics;

namespace Reservations.LoadTest.Metrics;

/// <summary>The measurements of one phase: latency of every request and its outcome.</summary>
public sealed class Meter
{
    private long _startTimestamp = Stopwatch.GetTimestamp();

    public LatencyHistogram Latency { get; } = new();

    public OutcomeCounters Outcomes { get; } = new();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _startTimestamp));

    public void Record(RequestKind kind, int status, long startTimestamp)
    {
        Latency.Record(Stopwatch.GetElapsedTime(startTimestamp));
        Outcomes.Increment(kind, status);
    }

    public void Reset()
    {
        Latency.Reset();
        Outcomes.Reset();
        Volatile.Write(ref _startTimestamp, Stopwatch.GetTimestamp());
    }
}
