using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.Postgres;
using Reservations.TestingHost;

namespace Reservations.Runtime.Tests.Storage;

public sealed class PostgresStorageTests : StorageContractTests
{
    private PostgresDatabase? _database;

    private PostgresDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    protected override ISiloStorage OpenStorage() => new PostgresStorage(Database.ConnectionString);

    public override async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
