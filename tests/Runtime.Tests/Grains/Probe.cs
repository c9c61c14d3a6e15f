using System.Collections.Concurrent;

namespace Reservations.Runtime.Tests.Grains;

/// <summary>What test grains report to the test: events, overlaps, signals. One per test cluster.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public int Overlaps;

    public int TimerTicks;

    public int Activations;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Signal(string name) => Slot(name).TrySetResult();

    public Task WhenSignalled(string name) => Slot(name).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private TaskCompletionSource Slot(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
