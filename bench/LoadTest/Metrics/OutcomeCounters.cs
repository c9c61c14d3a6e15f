namespace Reservations.LoadTest.Metrics;

/// <summary>Counts per request kind and HTTP status (0 = no answer: timeout or transport error), lock- and allocation-free.</summary>
public sealed class OutcomeCounters
{
    private const int Statuses = 600;
    private static readonly int Kinds = Enum.GetValues<RequestKind>().Length;

    private readonly long[] _counts = new long[Kinds * Statuses];

    public void Increment(RequestKind kind, int status) =>
        Interlocked.Increment(ref _counts[((int)kind * Statuses) + (status is >= 0 and < Statuses ? status : 0)]);

    public long Total => _counts.Sum();

    public IReadOnlyList<OutcomeCount> Snapshot()
    {
        var result = new List<OutcomeCount>();
        for (var i = 0; i < _counts.Length; i++)
        {
            var count = Volatile.Read(ref _counts[i]);
            if (count > 0)
            {
                result.Add(new OutcomeCount((RequestKind)(i / Statuses), i % Statuses, count));
            }
        }

        return result;
    }

    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Volatile.Write(ref _counts[i], 0);
        }
    }
}
