using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Grains;
using Reservations.Runtime.Hosting;

namespace Reservations.Api.Hosting;

public static class EngineExtensions
{
    /// <summary>One in-process silo with the reservation grains, on SQLite (default) or PostgreSQL, and the admin account.</summary>
    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EngineReadiness>();

        services.AddSilo(silo =>
        {
            silo.AddReservationGrains();
            silo.UseConfiguredStorage();
        });

        // Registered after the silo, so it starts once the silo runs.
        services.AddHostedService<AdminBootstrapper>();
        return builder;
    }
}
