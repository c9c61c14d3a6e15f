using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Core;

public sealed class SilentObserver : IRunObserver
{
    public static readonly SilentObserver Instance = new();

    public void Stage(string message)
    {
    }

    public Task<T> SignUpAsync<T>(int total, Func<IProgress<int>, Task<T>> work) => work(new Progress<int>());

    public Task RunPhaseAsync(string phase, TimeSpan duration, Meter meter, Func<Task> work) => work();
}
