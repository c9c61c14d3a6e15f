namespace Reservations.Runtime.Placement;

/// <summary>
/// Rendezvous (highest random weight) hashing: the owner is the silo with the highest hash of
/// (silo, grain). Adding or losing a silo moves only the grains that it gains or held.
/// </summary>
internal sealed class RendezvousPlacementDirector : IPlacementDirector
{
    public SiloAddress PickOwner(GrainId grainId, IReadOnlyList<SiloAddress> activeSilos)
    {
        if (activeSilos.Count == 1)
        {
            return activeSilos[0];
        }

        var grainHash = StableHash.Of(grainId.Type, StableHash.Of(grainId.Key, 0));
        SiloAddress? best = null;
        ulong bestWeight = 0;
        foreach (var silo in activeSilos)
        {
            var weight = StableHash.Mix(StableHash.Of(silo.Endpoint, (ulong)silo.Generation) ^ grainHash);
            if (best is null || weight > bestWeight)
            {
                best = silo;
                bestWeight = weight;
            }
        }

        return best!;
    }
}
