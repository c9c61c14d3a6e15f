using Orleans.Storage;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>Delegates to another grain storage, but fails the next writes of one state name as an outage would.</summary>
internal sealed class FailingGrainStorage(IGrainStorage inner, string stateName) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private int _failures;

    public void FailNextWrites(int count) => Volatile.Write(ref _failures, count);

    public Task ReadStateAsync<T>(string name, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(name, grainId, grainState);

    public Task WriteStateAsync<T>(string name, GrainId grainId, IGrainState<T> grainState) =>
        name == stateName && Interlocked.Decrement(ref _failures) >= 0
            ? Task.FromException(new IOException($"Simulated outage writing {name}."))
            : inner.WriteStateAsync(name, grainId, grainState);

    public Task ClearStateAsync<T>(string name, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(name, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
