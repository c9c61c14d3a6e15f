using Orleans;
using Reservations.Grains;

namespace Reservations.Api.Hosting;

/// <summary>
/// Grain references for the API, built without reflection (<see cref="GrainReferenceExtensions.Reference{T}"/>).
/// </summary>
internal sealed class GrainReferences(IGrainFactory grains)
{
    public T GetGrain<T>(string key) where T : IGrainWithStringKey => grains.Reference<T>(key);

    public T GetGrain<T>(long key) where T : IGrainWithIntegerKey => grains.GetGrain<T>(key);
}
