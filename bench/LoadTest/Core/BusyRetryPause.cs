namespace Reservations.LoadTest.Core;

/// <summary>How long to wait before repeating a request the engine answered 503 or did not answer at all.</summary>
public static class BusyRetryPause
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    /// <summary>The engine's Retry-After when it sent one, else 100 ms doubling with each retry; never more than <paramref name="cap"/>.</summary>
    public static TimeSpan Before(int retry, TimeSpan? retryAfter, TimeSpan cap)
    {
        var pause = retryAfter ?? FirstPause * Math.Pow(2, Math.Min(retry, 16));
        return pause < cap ? pause : cap;
    }
}
