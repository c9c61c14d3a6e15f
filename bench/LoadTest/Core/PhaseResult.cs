using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Core;

/// <summary>The figures of one measured phase.</summary>
public sealed record PhaseResult(
    string Name, TimeSpan Elapsed, long Requests, double RequestsPerSecond,
    TimeSpan P50, TimeSpan P90, TimeSpan P99, TimeSpan Max, IReadOnlyList<OutcomeCount> Outcomes, IReadOnlyList<GatewayResult> Gateways,
    long ConfirmRetries, long ConfirmsGivenUp)
{
    public static PhaseResult From(string name, Meter meter, TimeSpan elapsed, Gateways gateways)
    {
        var requests = meter.Outcomes.Total;
        return new PhaseResult(
            name, elapsed, requests, elapsed > TimeSpan.Zero ? requests / elapsed.TotalSeconds : 0,
            meter.Latency.Percentile(0.50), meter.Latency.Percentile(0.90), meter.Latency.Percentile(0.99), meter.Latency.Max,
            meter.Outcomes.Snapshot(),
            [.. meter.OutcomesByGateway.Select((counters, i) => new GatewayResult(gateways.NameOf(i), counters.Total, counters.Snapshot()))],
            meter.ConfirmRetries, meter.ConfirmsGivenUp);
    }

    public long CountOf(RequestKind kind, int status) => Outcomes.Where(o => o.Kind == kind && o.Status == status).Sum(o => o.Count);

    public long CountOf(int status) => Outcomes.Where(o => o.Status == status).Sum(o => o.Count);
}
