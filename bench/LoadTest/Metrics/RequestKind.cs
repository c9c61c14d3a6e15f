namespace Reservations.LoadTest.Metrics;

/// <summary>What a measured request was for; the counters are kept per kind and status code.</summary>
public enum RequestKind
{
    Health,
    Reserve,
    Release,
    Confirm,
}
