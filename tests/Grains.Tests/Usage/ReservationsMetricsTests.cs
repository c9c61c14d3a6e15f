using System.Diagnostics.Metrics;
using Reservations.Grains.Usage;

namespace Reservations.Grains.Tests.Usage;

/// <summary>The meter "Reservations": what the usage counters count reaches a metrics listener, tagged with its app, at no allocation.</summary>
public sealed class ReservationsMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, string? App)> _measured = [];

    public ReservationsMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReservationsMetrics.MeterName && instrument.Meter.Scope == _meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.Start();
    }

    [Fact]
    public void Counts_WithAListener_ArriveTaggedWithTheirApp()
    {
        var counters = new UsageCounters("APP-AAAA-AAAA-AAAA", new ReservationsMetrics(_meters));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measured.Add((instrument.Name, value, tags.ToArray().SingleOrDefault(t => t.Key == ReservationsMetrics.AppTag).Value as string)));

        counters.CountHoldGranted();
        counters.CountHoldRefused();
        counters.CountRelease();
        counters.CountConfirmation();
        counters.CountExpiry();

        Assert.Equal(
            [
                ("reservations.holds.granted", 1L, "APP-AAAA-AAAA-AAAA"),
                ("reservations.holds.refused", 1L, "APP-AAAA-AAAA-AAAA"),
                ("reservations.releases", 1L, "APP-AAAA-AAAA-AAAA"),
                ("reservations.confirmations", 1L, "APP-AAAA-AAAA-AAAA"),
                ("reservations.expiries", 1L, "APP-AAAA-AAAA-AAAA"),
            ],
            _measured);
    }

    [Fact]
    public void HotPathCounts_WithAListener_AllocateNothing()
    {
        var counters = new UsageCounters("APP-BBBB-BBBB-BBBB", new ReservationsMetrics(_meters));
        long total = 0;
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        counters.CountHoldRefused();
        counters.CountHoldGranted();
        counters.CountConfirmation();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counters.CountHoldRefused();
            counters.CountHoldGranted();
            counters.CountConfirmation();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3003, total);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _created = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _created.Add(meter);
            return meter;
        }

        public void Dispose() => _created.ForEach(m => m.Dispose());
    }
}
