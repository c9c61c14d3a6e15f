using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Silo;

namespace Reservations.Api.Hosting;

public static class EngineExtensions
{
    /// <summary>The embedded engine: an Orleans silo in this process (configured as src/Silo configures one) and the admin account.</summary>
    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EngineReadiness>();
        builder.UseOrleans(silo => silo.AddReservations(builder.Configuration));

        // Registered after the silo, so it starts once the silo runs.
        services.AddHostedService<AdminBootstrapper>();
        return builder;
    }
}
