using System.Diagnostics;

namespace Reservations.LoadTest.Metrics;

/// <summary>The measurements of one phase: latency of every request and its outcome, overall and per gateway.</summary>
public sealed class Meter(int gateways = 1)
{
    private readonly OutcomeCounters[] _byGateway = [.. Enumerable.Range(0, gateways).Select(_ => new OutcomeCounters())];
    private long _startTimestamp = Stopwatch.GetTimestamp();
    private long _confirmRetries;
    private long _confirmsGivenUp;

    public LatencyHistogram Latency { get; } = new();

    public OutcomeCounters Outcomes { get; } = new();

    public IReadOnlyList<OutcomeCounters> OutcomesByGateway => _byGateway;

    /// <summary>Confirms sent again, with the same token and paymentId, after a 503 or no answer.</summary>
    public long ConfirmRetries => Volatile.Read(ref _confirmRetries);

    /// <summary>Confirms whose last retry still got a 503 or no answer: whether they booked is unknown.</summary>
    public long ConfirmsGivenUp => Volatile.Read(ref _confirmsGivenUp);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _startTimestamp));

    public void Record(RequestKind kind, int status, int gateway, long startTimestamp)
    {
        Latency.Record(Stopwatch.GetElapsedTime(startTimestamp));
        Outcomes.Increment(kind, status);
        _byGateway[gateway].Increment(kind, status);
    }

    public void RecordConfirmRetry() => Interlocked.Increment(ref _confirmRetries);

    public void RecordConfirmGivenUp() => Interlocked.Increment(ref _confirmsGivenUp);

    public void Reset()
    {
        Latency.Reset();
        Outcomes.Reset();
        foreach (var counters in _byGateway)
        {
            counters.Reset();
        }

        Volatile.Write(ref _confirmRetries, 0);
        Volatile.Write(ref _confirmsGivenUp, 0);
        Volatile.Write(ref _startTimestamp, Stopwatch.GetTimestamp());
    }
}
