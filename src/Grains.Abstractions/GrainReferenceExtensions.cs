using Orleans.Runtime;

namespace Reservations.Grains;

/// <summary>
/// Grain references without reflection. Orleans 10.4.2 resolves a grain interface by reflection on
/// every <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/> call: 7 % of the
/// hot seat's CPU in the API and 5 % of a fresh hold's in the seat grain (docs/performance.md).
/// <see cref="Reference{T}"/> resolves each interface once per process and builds the reference
/// from the grain id.
/// </summary>
public static class GrainReferenceExtensions
{
    /// <summary>The reference to the grain of interface <typeparamref name="T"/> with <paramref name="key"/>.</summary>
    public static T Reference<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        var (grainType, interfaceType) = Resolved<T>.Types ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var probe = (GrainReference)(object)grains.GetGrain<T>("-");
        return (probe.GrainId.Type, probe.InterfaceType);
    }

    // Grain and interface types follow from T's attributes alone, so every silo of the process agrees.
    private static class Resolved<T>
    {
        public static (GrainType, GrainInterfaceType)? Types;
    }
}
