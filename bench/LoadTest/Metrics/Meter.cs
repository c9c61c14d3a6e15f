using System.Diagnostics;

namespace Reservations.LoadTest.Metrics;

/// <summary>The measurements of one phase: latency of every request and its outcome, overall and per gateway.</summary>
public sealed class Meter(int gateways = 1)
{
    private readonly OutcomeCounters[] _byGateway = [.. Enumerable.Range(0, gateways).Select(_ => new OutcomeCounters())];
    private long _startTimestamp = Stopwatch.GetTimestamp();

    public LatencyHistogram Latency { get; } = new();

    public OutcomeCounters Outcomes { get; } = new();

    public IReadOnlyList<OutcomeCounters> OutcomesByGateway => _byGateway;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _startTimestamp));

    public void Record(RequestKind kind, int status, int gateway, long startTimestamp)
    {
        Latency.Record(Stopwatch.GetElapsedTime(startTimestamp));
        Outcomes.Increment(kind, status);
        _byGateway[gateway].Increment(kind, status);
    }

    public void Reset()
    {
        Latency.Reset();
        Outcomes.Reset();
        foreach (var counters in _byGateway)
        {
            counters.Reset();
        }

        Volatile.Write(ref _startTimestamp, Stopwatch.GetTimestamp());
    }
}
