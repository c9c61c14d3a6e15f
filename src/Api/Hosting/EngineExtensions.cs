using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reservations.Grains;
using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.Postgres;
using Reservations.Runtime.Storage.Sqlite;

namespace Reservations.Api.Hosting;

public static class EngineExtensions
{
    /// <summary>One in-process silo with the reservation grains, on SQLite (default) or PostgreSQL, and the admin account.</summary>
    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EngineReadiness>();

        services.AddSilo(silo =>
        {
            silo.AddReservationGrains();
            silo.UseStorage(CreateStorage);
        });

        // Registered after the silo, so it starts once the silo runs.
        services.AddHostedService<AdminBootstrapper>();
        return builder;
    }

    // Chosen when the silo is built, not when services are added, so test hosts can override configuration.
    private static ISiloStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.UsesPostgres)
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OptionsValidationException(
                    StorageOptions.SectionName, typeof(StorageOptions), ["Storage:Provider is Postgres but ConnectionStrings:Postgres is not set."]);
            }

            return new PostgresStorage(connectionString);
        }

        Directory.CreateDirectory(options.Sqlite.DataDirectory);
        return new SqliteStorage(Path.GetFullPath(options.Sqlite.Path));
    }
}
