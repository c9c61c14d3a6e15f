using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Storage;
using Reservations.Grains.Bookings;
using Reservations.Ledger;
using Reservations.Persistence.Sqlite;

namespace Reservations.Silo.Storage;

/// <summary>The one place the engine's storage is chosen from configuration.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Grain state, reminders and the booking ledger on the provider named by the "Storage" section:
    /// one SQLite file at Storage:Sqlite:Path (the default), or PostgreSQL at ConnectionStrings:Postgres
    /// through Orleans' ADO.NET providers. Grain state is stored with Orleans' own serializer.
    /// </summary>
    public static ISiloBuilder UseConfiguredStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var storage = Settings.Read<StorageOptions>(configuration, StorageOptions.SectionName);
        var services = silo.Services;
        services.AddSingleton(Options.Create(storage));
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        if (!storage.UsesPostgres)
        {
            silo.UseSqlite(Path.GetFullPath(storage.Sqlite.Path));
            services.AddSingleton<SqliteBookingLedger>();
            services.AddSingleton<IBookingLedger>(sp => sp.GetRequiredService<SqliteBookingLedger>());
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteBookingLedger>());
            return silo;
        }

        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), ["Storage:Provider is Postgres but ConnectionStrings:Postgres is not set."]);
        }

        silo.UsePostgres(connectionString, storage.Postgres.ApplySchema);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IBookingLedger, PostgresBookingLedger>();
        return silo;
    }
}
