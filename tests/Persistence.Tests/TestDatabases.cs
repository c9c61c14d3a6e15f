using Npgsql;
using Reservations.Persistence.Sqlite;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

/// <summary>A database of its own on the test PostgreSQL server, with the engine's schema applied; dropped afterwards.</summary>
internal sealed class PostgresWithSchema : IAsyncDisposable
{
    private readonly PostgresDatabase _database;

    private PostgresWithSchema(PostgresDatabase database, NpgsqlDataSource dataSource) => (_database, DataSource) = (database, dataSource);

    public NpgsqlDataSource DataSource { get; }

    public static async Task<PostgresWithSchema> CreateAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await PostgresSchema.ApplyAsync(dataSource);
        return new PostgresWithSchema(database, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>A SQLite file in a folder of its own, with one module's schema; deleted afterwards.</summary>
internal sealed class SqliteWithSchema : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;

    private SqliteWithSchema(DirectoryInfo folder, SqliteDatabase database) => (_folder, Database) = (folder, database);

    public SqliteDatabase Database { get; }

    public static async Task<SqliteWithSchema> CreateAsync(string module, IReadOnlyList<string> schema)
    {
        var folder = Directory.CreateTempSubdirectory($"reservations-{module}-");
        var database = new SqliteDatabase(Path.Combine(folder.FullName, $"{module}.sqlite"));
        await database.MigrateAsync(module, schema);
        return new SqliteWithSchema(folder, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
