using System.Collections.Concurrent;
using Orleans.Storage;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>Delegates to another grain storage and counts the calls that reach it, and the reads and writes per state name.</summary>
internal sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<string, int> _reads = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Reads of one state name.</summary>
    public int Reads(string stateName) => _reads.GetValueOrDefault(stateName);

    /// <summary>Writes and clears of one state name.</summary>
    public int Writes(string stateName) => _writes.GetValueOrDefault(stateName);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _calls);
        _reads.AddOrUpdate(stateName, 1, (_, count) => count + 1);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _calls);
        _writes.AddOrUpdate(stateName, 1, (_, count) => count + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _calls);
        _writes.AddOrUpdate(stateName, 1, (_, count) => count + 1);
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
