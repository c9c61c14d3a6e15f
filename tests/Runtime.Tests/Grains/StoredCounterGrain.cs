namespace Reservations.Runtime.Tests.Grains;

public sealed class StoredCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, Probe probe) : Grain, IStoredCounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref probe.Activations);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Events.Enqueue($"deactivated:{reason}");
        probe.Signal($"deactivated:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    async Task<int> IStoredCounterGrain.IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    Task<int> IStoredCounterGrain.GetAsync() => Task.FromResult(counter.State.Value);

    Task<Guid> IStoredCounterGrain.GetActivationIdAsync() => Task.FromResult(_activationId);

    Task IStoredCounterGrain.DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
