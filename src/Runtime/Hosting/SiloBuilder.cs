using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Runtime.Storage.InMemory;

namespace Reservations.Runtime.Hosting;

/// <summary>Configures the silo that <see cref="SiloServiceCollectionExtensions.AddSilo"/> adds.</summary>
public sealed class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    internal List<Assembly> GrainAssemblies { get; } = [];

    internal List<IJsonTypeInfoResolver> JsonResolvers { get; } = [];

    /// <summary>Registers every grain class of the assembly (non-abstract subclasses of <see cref="Grain"/>).</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        GrainAssemblies.Add(assembly);
        return this;
    }

    /// <summary>
    /// Adds a System.Text.Json source-generated context that knows the types crossing grain
    /// boundaries and the types of persistent state.
    /// </summary>
    public SiloBuilder AddJsonTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        JsonResolvers.Add(resolver);
        return this;
    }

    /// <summary>Uses the given storage provider for state, records and reminders.</summary>
    public SiloBuilder UseStorage(Func<IServiceProvider, ISiloStorage> factory)
    {
        Services.RemoveAll<ISiloStorage>();
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Keeps everything in memory: for runtime unit tests only.</summary>
    public SiloBuilder UseInMemoryStorage(InMemoryStorage? storage = null)
    {
        var store = storage ?? new InMemoryStorage();
        return UseStorage(_ => store);
    }
}
