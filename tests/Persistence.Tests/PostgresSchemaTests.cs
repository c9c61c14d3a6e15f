using Npgsql;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task Apply_FiveProcessesAtOnceThenAgain_AppliedOnceAtCurrentVersion()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => PostgresSchema.ApplyAsync(dataSource))));
        await PostgresSchema.ApplyAsync(dataSource);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM reservations_schema", connection);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.CurrentVersion), (int[])(await versions.ExecuteScalarAsync())!);
        await using var queries = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
        Assert.Equal(11L, await queries.ExecuteScalarAsync());
        await PostgresSchema.EnsureCurrentAsync(dataSource);
    }

    [Fact]
    public async Task EnsureCurrent_EmptyDatabase_FailsNamingWhatToDo()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.EnsureCurrentAsync(dataSource));

        Assert.Contains("0001, 0002, 0003", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres:ApplySchema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_AGapLeftByHand_AppliesTheMissingFileOnly()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await PostgresSchema.ApplyAsync(dataSource);
        await using (var undo = dataSource.CreateCommand("DROP TABLE orleans_reminders; DELETE FROM reservations_schema WHERE version = 2"))
        {
            await undo.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.EnsureCurrentAsync(dataSource));
        Assert.Contains("file(s) 0002 ", error.Message, StringComparison.Ordinal);

        await PostgresSchema.ApplyAsync(dataSource);

        await PostgresSchema.EnsureCurrentAsync(dataSource);
        await using var reminders = dataSource.CreateCommand("SELECT to_regclass('orleans_reminders') IS NOT NULL");
        Assert.True((bool)(await reminders.ExecuteScalarAsync())!);
    }
}
