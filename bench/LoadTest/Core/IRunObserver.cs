using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Core;

/// <summary>Where a run shows its progress; the CLI draws it live, tests use <see cref="SilentObserver"/>.</summary>
public interface IRunObserver
{
    void Stage(string message);

    Task<T> SignUpAsync<T>(int total, Func<IProgress<int>, Task<T>> work);

    /// <summary>Runs one phase; <paramref name="meter"/> can be read while it runs.</summary>
    Task RunPhaseAsync(string phase, TimeSpan duration, Meter meter, Func<Task> work);
}
