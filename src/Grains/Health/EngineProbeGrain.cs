using Orleans.Concurrency;

namespace Reservations.Grains.Health;

/// <summary>Answers for the silo it runs on; as a stateless worker, that is the silo the call reached.</summary>
[StatelessWorker]
public sealed class EngineProbeGrain(SiloHealth health) : Grain, IEngineProbeGrain
{
    Task<EngineHealth> IEngineProbeGrain.CheckAsync() => health.CheckAsync();
}
