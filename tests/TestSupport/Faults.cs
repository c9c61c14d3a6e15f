namespace Reservations.TestSupport;

/// <summary>How many of the next calls of a test double are to fail, and with what; shared by the silos of a test cluster.</summary>
public sealed class Faults
{
    private int _remaining;
    private Func<Exception> _exception = () => new IOException("Simulated outage.");

    /// <summary>Fails the next <paramref name="count"/> calls with <paramref name="exception"/> (an <see cref="IOException"/> when null).</summary>
    public void FailNext(int count, Func<Exception>? exception = null)
    {
        _exception = exception ?? (() => new IOException("Simulated outage."));
        Volatile.Write(ref _remaining, count);
    }

    /// <summary>The exception this call fails with, or null when it goes through.</summary>
    public Exception? Take() => Interlocked.Decrement(ref _remaining) >= 0 ? _exception() : null;
}
