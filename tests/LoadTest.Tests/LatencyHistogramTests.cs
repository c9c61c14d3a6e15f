using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_UniformMicroseconds_WithinOnePointSixPercent()
    {
        var histogram = new LatencyHistogram();
        for (var value = 1; value <= 100_000; value++)
        {
            histogram.RecordMicroseconds(value);
        }

        Assert.InRange(histogram.Percentile(0.50).TotalMicroseconds, 50_000, 50_000 * 1.016);
        Assert.InRange(histogram.Percentile(0.99).TotalMicroseconds, 99_000, 99_000 * 1.016);
        Assert.Equal(100_000, histogram.Max.TotalMicroseconds);
        Assert.Equal(100_000, histogram.Count);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(1_000_003L)]
    [InlineData(long.MaxValue)]
    public void IndexOf_AnyValue_FallsInABucketWhoseUpperBoundCoversIt(long value)
    {
        var index = LatencyHistogram.IndexOf(value);

        Assert.True(LatencyHistogram.UpperBoundOf(index) >= value || index == LatencyHistogram.IndexOf(long.MaxValue));
        Assert.True(index == 0 || LatencyHistogram.UpperBoundOf(index - 1) < value);
    }
}
