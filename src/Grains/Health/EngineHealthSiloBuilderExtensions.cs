using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Reservations.Grains.Health;

/// <summary>Registers what readiness checks ask: <see cref="SiloHealth"/> and the <see cref="IEngineProbeGrain"/> behind it.</summary>
public static class EngineHealthSiloBuilderExtensions
{
    /// <summary><see cref="EngineHealthOptions"/> from the "Health" section, the cached storage probe, and <see cref="SiloHealth"/>.</summary>
    public static ISiloBuilder AddEngineHealth(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<EngineHealthOptions>().BindConfiguration(EngineHealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton(sp => new SiloHealth(sp.GetRequiredService<ISiloStatusOracle>(), sp.GetRequiredService<StorageProbe>()));
        return silo;
    }
}
