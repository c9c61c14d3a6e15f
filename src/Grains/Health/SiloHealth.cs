using Orleans.Runtime;

namespace Reservations.Grains.Health;

/// <summary>Whether this silo can serve: active in its cluster, and its grain storage answers.</summary>
public sealed class SiloHealth
{
    private static readonly EngineHealth Starting = new(EngineCondition.Starting, "The silo is joining its cluster.");

    private readonly ISiloStatusOracle _silos;
    private readonly StorageProbe _storage;

    internal SiloHealth(ISiloStatusOracle silos, StorageProbe storage) => (_silos, _storage) = (silos, storage);

    /// <summary>This silo's status, then (when active) a storage read.</summary>
    public async Task<EngineHealth> CheckAsync()
    {
        var status = _silos.CurrentStatus;
        if (status is SiloStatus.None or SiloStatus.Created or SiloStatus.Joining)
        {
            return Starting;
        }

        if (status != SiloStatus.Active)
        {
            return new EngineHealth(EngineCondition.NotReady, $"The silo is {status} in its cluster.");
        }

        return await _storage.CheckAsync() is { } problem ? new EngineHealth(EngineCondition.NotReady, problem) : EngineHealth.Ready;
    }
}
