using Reservations.Ledger;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Where one test class's engine keeps its data; a restart reuses it.</summary>
public abstract class EngineStorage : IAsyncDisposable
{
    protected EngineStorage()
    {
        Directory = Path.Combine(Path.GetTempPath(), "reservations-api-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>A temporary folder: the SQLite file, or just the data directory beside PostgreSQL.</summary>
    public string Directory { get; }

    public abstract Task InitializeAsync();

    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The ledger the engine must end up using: proves the settings reached it.</summary>
    public abstract Type ExpectedLedgerType { get; }

    public virtual ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file a moment after the host stops; the OS cleans /tmp.
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteEngineStorage : EngineStorage
{
    public override Type ExpectedLedgerType => typeof(SqliteBookingLedger);

    public override Task InitializeAsync() => Task.CompletedTask;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = Path.Combine(Directory, "reservations.db"),
    };
}

public sealed class PostgresEngineStorage : EngineStorage
{
    private PostgresDatabase? _database;

    public override Type ExpectedLedgerType => typeof(PostgresBookingLedger);

    public override async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync();

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = _database?.ConnectionString ?? throw new InvalidOperationException("Not initialized."),
        ["Storage:Sqlite:Path"] = Path.Combine(Directory, "unused.db"),
    };

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
