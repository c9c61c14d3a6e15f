namespace Reservations.LoadTest.Scenarios;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent, by binary search in the CDF.</summary>
public sealed class ZipfSampler
{
    private readonly double[] _cdf;

    public ZipfSampler(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cdf = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, exponent);
            _cdf[rank] = sum;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cdf[rank] /= sum;
        }
    }

    public int Sample(Random random)
    {
        var index = Array.BinarySearch(_cdf, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cdf.Length - 1);
    }
}
