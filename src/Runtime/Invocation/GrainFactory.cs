using System.Reflection;
using Reservations.Runtime.Activation;

namespace Reservations.Runtime.Invocation;

internal sealed class GrainFactory(GrainRuntime runtime, GrainTypeRegistry registry) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
        ((GrainProxy)(object)proxy).Initialize(runtime, new GrainId(registry.TypeNameOf<TGrain>(), key));
        return proxy;
    }
}
