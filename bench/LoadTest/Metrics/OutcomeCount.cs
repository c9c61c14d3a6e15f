namespace Reservations.LoadTest.Metrics;

/// <summary>How many requests of one kind got one status (0: no answer).</summary>
public sealed record OutcomeCount(RequestKind Kind, int Status, long Count)
{
    public string Label => Status == 0 ? $"{Kind} no-answer" : $"{Kind} {Status}";
}
