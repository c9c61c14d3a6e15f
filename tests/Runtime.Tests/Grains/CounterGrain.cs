namespace Reservations.Runtime.Tests.Grains;

public sealed class CounterGrain(Probe probe) : Grain, ICounterGrain
{
    private int _value;
    private int _inTurn;

    async Task ICounterGrain.IncrementUnsafelyAsync()
    {
        if (Interlocked.Increment(ref _inTurn) > 1)
        {
            Interlocked.Increment(ref probe.Overlaps);
        }

        var read = _value;
        await Task.Yield();
        _value = read + 1;
        Interlocked.Decrement(ref _inTurn);
    }

    Task<int> ICounterGrain.GetAsync()
    {
        probe.Events.Enqueue("get");
        return Task.FromResult(_value);
    }

    async Task ICounterGrain.WaitAtGateAsync()
    {
        probe.Events.Enqueue("gate-start");
        probe.Signal("at-gate");
        await probe.Gate.Task;
        probe.Events.Enqueue("gate-end");
    }

    Task ICounterGrain.ThrowAsync(string message) => throw new InvalidOperationException(message);

    Task ICounterGrain.NeverCompleteAsync() => new TaskCompletionSource().Task;
}
