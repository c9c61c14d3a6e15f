using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Storage;
using Reservations.Grains.Bookings;
using Reservations.Grains.Webhooks;
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
            services.AddSingleton<SqliteWebhookOutbox>();
            services.AddSingleton<IWebhookOutbox>(sp => sp.GetRequiredService<SqliteWebhookOutbox>());
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteWebhookOutbox>());
            return silo;
        }

        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), ["Storage:Provider is Postgres but ConnectionStrings:Postgres is not set."]);
        }

        var dataSource = NpgsqlDataSource.Create(Tune(connectionString, storage.Postgres));
        services.AddSingleton(_ => dataSource); // built by a factory, so the container disposes it
        silo.UsePostgres(dataSource, storage.Postgres.ApplySchema);
        services.AddSingleton<IBookingLedger, PostgresBookingLedger>();
        services.AddSingleton<IWebhookOutbox, PostgresWebhookOutbox>();
        return silo;
    }

    /// <summary>
    /// The engine's statements change no session state, so a pooled connection needs no reset before
    /// reuse, and the few statements it repeats are worth preparing once per connection (measured in
    /// docs/performance.md). The rest of the connection string is the operator's.
    /// </summary>
    private static NpgsqlConnectionStringBuilder Tune(string connectionString, PostgresStorageOptions options) => new(connectionString)
    {
        NoResetOnClose = true,
        MaxAutoPrepare = 20,
        AutoPrepareMinUsages = 2,
        MaxPoolSize = options.MaxPoolSize,
    };
}
