using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reservations.Runtime.Activation;
using Reservations.Runtime.Invocation;
using Reservations.Runtime.Membership;
using Reservations.Runtime.Placement;
using Reservations.Runtime.Transport;

namespace Reservations.Runtime.Hosting;

/// <summary>Adds a silo to an application's services.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo (a hosted service) and registers <see cref="IGrainFactory"/>,
    /// <see cref="IRecordStore"/> and <see cref="Silo"/>. Options bind from the "Silo" section.
    /// Without a storage choice the silo keeps state in memory.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        var builder = new SiloBuilder(services);
        builder.UseInMemoryStorage();
        configure(builder);

        services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClusterMembership>(sp => new LocalMembership(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPlacementDirector, RendezvousPlacementDirector>();
        services.TryAddSingleton<IGrainTransport, LocalOnlyTransport>();
        services.AddSingleton<IRecordStore>(sp => sp.GetRequiredService<ISiloStorage>());
        services.AddSingleton(sp => CreateSilo(sp, builder));
        services.AddSingleton(sp => sp.GetRequiredService<Silo>().GrainFactory);
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
        return services;
    }

    private static Silo CreateSilo(IServiceProvider services, SiloBuilder builder)
    {
        var storage = services.GetRequiredService<ISiloStorage>();
        var registry = new GrainTypeRegistry(builder.GrainAssemblies);
        var json = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine([.. builder.JsonResolvers]) };
        json.MakeReadOnly();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Reservations.Runtime") ?? NullLogger.Instance;
        var runtime = new GrainRuntime(
            services.GetRequiredService<IOptions<SiloOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            logger,
            services.GetRequiredService<IClusterMembership>(),
            services.GetRequiredService<IPlacementDirector>(),
            services.GetRequiredService<IGrainTransport>(),
            rt => new GrainActivator(services, registry, storage, json),
            rt => new GrainFactory(rt, registry),
            storage);
        return new Silo(runtime, storage);
    }
}
