using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;

namespace Reservations.Api.Hosting;

/// <summary>
/// Grain references for the API. Orleans 10.4.2 resolves a grain interface by reflection on every
/// <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/> call (a measured 7% of the
/// hot seat's CPU, docs/performance.md); this resolves each interface once and builds references
/// from the grain id directly.
/// </summary>
internal sealed class GrainReferences(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> _types = new();

    public T GetGrain<T>(string key) where T : IGrainWithStringKey
    {
        var (grain, grainInterface) = _types.GetOrAdd(typeof(T), static (_, factory) =>
        {
            var probe = (GrainReference)(object)factory.GetGrain<T>("-");
            return (probe.GrainId.Type, probe.InterfaceType);
        }, grains);
        return (T)grains.GetGrain(GrainId.Create(grain, key), grainInterface);
    }

    public T GetGrain<T>(long key) where T : IGrainWithIntegerKey => grains.GetGrain<T>(key);
}
