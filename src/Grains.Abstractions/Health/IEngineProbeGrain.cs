namespace Reservations.Grains.Health;

/// <summary>
/// Asks a silo whether it can serve: it answers for itself (a stateless worker, activated on the
/// silo the call reaches), so a caller that gets an answer has also reached an active member of the
/// cluster. It takes no turn on any other grain. Key: always 0.
/// </summary>
[Alias("reservations.engine-probe")]
public interface IEngineProbeGrain : IGrainWithIntegerKey
{
    /// <summary>This silo's status in its cluster and whether its grain storage answers a read.</summary>
    Task<EngineHealth> CheckAsync();
}
