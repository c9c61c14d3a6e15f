namespace Reservations.Runtime;

/// <summary>This silo's view of the cluster. The lone-silo implementation sees only itself.</summary>
public interface IClusterMembership
{
    /// <summary>This silo.</summary>
    SiloAddress LocalSilo { get; }

    /// <summary>The silos believed alive, this one included, in a stable order.</summary>
    IReadOnlyList<SiloAddress> ActiveSilos { get; }
}
