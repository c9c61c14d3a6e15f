namespace Reservations.Runtime;

/// <summary>Chooses the silo that owns a grain. Every silo must compute the same owner from the same view.</summary>
public interface IPlacementDirector
{
    /// <summary>The owner of <paramref name="grainId"/> among <paramref name="activeSilos"/> (never empty).</summary>
    SiloAddress PickOwner(GrainId grainId, IReadOnlyList<SiloAddress> activeSilos);
}
