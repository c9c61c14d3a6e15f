namespace Reservations.LoadTest.Metrics;

/// <summary>How many requests of one kind got one status (0: no answer, a transport error or a timeout).</summary>
public sealed record OutcomeCount(RequestKind Kind, int Status, long Count)
{
    public string Label => Status == 0 ? $"{Kind} transport-error" : $"{Kind} {Status}";
}
