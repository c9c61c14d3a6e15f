using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Reservations.Grains.Bookings;
using Reservations.Grains.Webhooks;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>
/// Where a test cluster keeps grain state, reminders and the ledger. Several clusters (or silos) given
/// the same store share its data, as processes over one database do.
/// </summary>
public abstract class TestStore : IAsyncDisposable
{
    /// <summary>The service id every cluster on this store uses: stored rows are keyed by it.</summary>
    public string ServiceId { get; } = "grains-tests";

    public abstract string Name { get; }

    /// <summary>Orleans' in-memory storage and reminders with an in-memory ledger: for grain rules only.</summary>
    public static TestStore Memory() => new MemoryStore();

    /// <summary>Our SQLite providers and ledger, on a file of their own, configured as the engine configures them.</summary>
    public static TestStore Sqlite() => new SqliteStore();

    /// <summary>Orleans' ADO.NET providers and our ledger on a throwaway PostgreSQL database, configured as the engine configures them.</summary>
    public static async Task<TestStore> PostgresAsync() => new PostgresStore(await PostgresServer.CreateDatabaseAsync());

    public abstract void Configure(ISiloBuilder silo);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class MemoryStore : TestStore
    {
        private readonly InMemoryBookingLedger _ledger = new();

        public override string Name => "memory";

        public override void Configure(ISiloBuilder silo)
        {
            // Orleans' memory storage keeps state in grains of its own, which a stopping silo may
            // deactivate before a catalog page writes its checkpoint; that write then waits for the
            // response timeout, so keep it short here.
            silo.Services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(3));
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.Services.AddSingleton<IBookingLedger>(_ledger);
            silo.Services.AddSingleton<IWebhookOutbox>(new InMemoryWebhookOutbox());
        }
    }

    private sealed class SqliteStore : TestStore
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reservations-grains-");

        public override string Name => "SQLite";

        public override void Configure(ISiloBuilder silo) => silo.UseConfiguredStorage(Settings(new()
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(_folder.FullName, "silo.db"),
        }));

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            _folder.Delete(recursive: true);
        }
    }

    private sealed class PostgresStore(PostgresDatabase database) : TestStore
    {
        public override string Name => "PostgreSQL";

        public override void Configure(ISiloBuilder silo) => silo.UseConfiguredStorage(Settings(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
        }));

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
