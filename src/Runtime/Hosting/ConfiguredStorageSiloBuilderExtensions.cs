using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reservations.Runtime.Storage.Postgres;
using Reservations.Runtime.Storage.Sqlite;

namespace Reservations.Runtime.Hosting;

/// <summary>The one way hosts choose storage from configuration.</summary>
public static class ConfiguredStorageSiloBuilderExtensions
{
    /// <summary>
    /// Uses the provider named by the "Storage" section: SQLite at Storage:Sqlite:Path (default), or
    /// PostgreSQL at ConnectionStrings:Postgres. Chosen when the silo is built, so test hosts can
    /// override configuration.
    /// </summary>
    public static SiloBuilder UseConfiguredStorage(this SiloBuilder silo)
    {
        silo.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return silo.UseStorage(Create);
    }

    private static ISiloStorage Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!options.UsesPostgres)
        {
            return new SqliteStorage(Path.GetFullPath(options.Sqlite.Path));
        }

        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), ["Storage:Provider is Postgres but ConnectionStrings:Postgres is not set."]);
        }

        return new PostgresStorage(connectionString);
    }
}
