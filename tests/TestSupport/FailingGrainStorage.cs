using Orleans.Storage;

namespace Reservations.TestSupport;

/// <summary>
/// Delegates to another grain storage, but fails writes of one state name while <paramref name="faults"/> says so, as an
/// outage would; with <paramref name="failReads"/>, reads of that state name too.
/// </summary>
public sealed class FailingGrainStorage(IGrainStorage inner, string stateName, Faults faults, bool failReads = false)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string name, GrainId grainId, IGrainState<T> grainState) =>
        failReads && name == stateName && faults.Take() is { } failure ? Task.FromException(failure) : inner.ReadStateAsync(name, grainId, grainState);

    public Task WriteStateAsync<T>(string name, GrainId grainId, IGrainState<T> grainState) =>
        name == stateName && faults.Take() is { } failure ? Task.FromException(failure) : inner.WriteStateAsync(name, grainId, grainState);

    public Task ClearStateAsync<T>(string name, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(name, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
