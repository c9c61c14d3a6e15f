using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Reservations.Grains.Tenants;

namespace Reservations.Grains.Usage;

/// <summary>
/// Counts usage per app in this process, so that no tenant grain becomes a hot spot on every
/// request; <see cref="FlushAsync"/> (run periodically by the flusher and once at shutdown) sends
/// the deltas to each <see cref="ITenantGrain"/>. Counts not yet flushed are lost if the process
/// crashes: usage is approximate by design, bookings are exact (they are records, not counters).
/// </summary>
public sealed class UsageMeter(IGrainFactory grainFactory, IMeterFactory meterFactory)
{
    private readonly ReservationsMetrics _metrics = new(meterFactory);
    private readonly ConcurrentDictionary<string, UsageCounters> _apps = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Counts one API request of an authenticated app.</summary>
    public void CountRequest(string appId) => For(appId).CountRequest();

    /// <summary>Usage counted here and not sent yet, per app.</summary>
    public IReadOnlyDictionary<string, TenantUsage> Pending() =>
        _apps.ToDictionary(a => a.Key, a => a.Value.Read(), StringComparer.Ordinal);

    /// <summary>
    /// Sends every app's non-zero delta to its tenant grain and subtracts what was sent. An app whose
    /// send fails keeps its counts for the next flush; the failures are thrown together at the end.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            List<Exception>? failures = null;
            foreach (var (appId, counters) in _apps)
            {
                var delta = counters.Read();
                if (delta == TenantUsage.Zero)
                {
                    continue;
                }

                try
                {
                    await grainFactory.Reference<ITenantGrain>(appId).RecordUsageAsync(delta);
                    counters.Subtract(delta);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    (failures ??= []).Add(exception);
                }
            }

            if (failures is not null)
            {
                throw new AggregateException("Some usage could not be flushed; it stays counted for the next flush.", failures);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    internal UsageCounters For(string appId) => _apps.GetOrAdd(appId, static (id, metrics) => new UsageCounters(id, metrics), _metrics);
}
