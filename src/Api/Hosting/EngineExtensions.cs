using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reservations.Grains;
using Reservations.Silo;

namespace Reservations.Api.Hosting;

public static class EngineExtensions
{
    /// <summary>
    /// The engine behind the API, as Engine:Mode says: an Orleans silo in this process (configured as
    /// src/Silo configures one), or a client of a cluster of them; then the admin account.
    /// </summary>
    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var engine = Settings.Read<EngineOptions>(builder.Configuration, EngineOptions.SectionName);
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EngineReadiness>();
        if (engine.IsGateway)
        {
            RequireSharedSigningKey(builder.Configuration);
            builder.UseOrleansClient(client => client.AddReservationsCluster(builder.Configuration));
            services.AddUsageMetering();
        }
        else
        {
            builder.UseOrleans(silo => silo.AddReservations(builder.Configuration));
        }

        // Registered after the silo or client, so it starts once the engine answers.
        services.AddHostedService<AdminBootstrapper>();
        return builder;
    }

    // Every gateway must accept the tokens every other one issued; a key file per process would not.
    private static void RequireSharedSigningKey(IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration[$"{JwtOptions.SectionName}:{nameof(JwtOptions.SigningKey)}"]))
        {
            throw new OptionsValidationException(
                JwtOptions.SectionName, typeof(JwtOptions), ["Engine:Mode is Gateway, so every gateway must share one key: set Jwt:SigningKey."]);
        }
    }
}
