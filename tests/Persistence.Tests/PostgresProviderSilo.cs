using Npgsql;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

/// <summary>Orleans' ADO.NET providers (Invariant Npgsql) on a throwaway database with our schema, applied by the silo at start.</summary>
public sealed class PostgresProviderSilo : ProviderSilo
{
    private PostgresDatabase? _database;

    public override async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database!.DisposeAsync();
    }

    protected override void ConfigureProvider(ISiloBuilder silo) => silo.UsePostgres(NpgsqlDataSource.Create(_database!.ConnectionString), applySchema: true);
}
