namespace Reservations.LoadTest.Metrics;

/// <summary>
/// Log-bucketed latency histogram in microseconds, HdrHistogram style: exact below 128 µs, then 64 linear
/// sub-buckets per power of two (under 1.6% error). Recording is one Interlocked increment, no allocation.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private const int LinearLimit = 2 * SubBuckets;
    private const int MaxExponent = 32;

    private readonly long[] _counts = new long[LinearLimit + (MaxExponent * SubBuckets)];
    private long _max;

    public long Count => _counts.Sum();

    public TimeSpan Max => TimeSpan.FromMicroseconds(Volatile.Read(ref _max));

    public void Record(TimeSpan latency) => RecordMicroseconds((long)latency.TotalMicroseconds);

    public void RecordMicroseconds(long microseconds)
    {
        var value = Math.Max(0, microseconds);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        var max = Volatile.Read(ref _max);
        while (value > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The smallest recorded bucket value at or above the given fraction of all samples (0..1).</summary>
    public TimeSpan Percentile(double fraction)
    {
        var snapshot = _counts.ToArray();
        var total = snapshot.Sum();
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * total));
        long seen = 0;
        for (var i = 0; i < snapshot.Length; i++)
        {
            seen += snapshot[i];
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(Math.Min(UpperBoundOf(i), Volatile.Read(ref _max)));
            }
        }

        return Max;
    }

    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Volatile.Write(ref _counts[i], 0);
        }

        Volatile.Write(ref _max, 0);
    }

    internal static int IndexOf(long value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        // Shift so that the value lands in [64, 128): the shift is the bucket's exponent.
        var exponent = Math.Min(63 - (int)ulong.LeadingZeroCount((ulong)value) - 6, MaxExponent);
        var sub = (int)Math.Min(value >> exponent, LinearLimit - 1) - SubBuckets;
        return LinearLimit + ((exponent - 1) * SubBuckets) + sub;
    }

    internal static long UpperBoundOf(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var exponent = ((index - LinearLimit) / SubBuckets) + 1;
        var sub = ((index - LinearLimit) % SubBuckets) + SubBuckets;
        return ((long)(sub + 1) << exponent) - 1;
    }
}
