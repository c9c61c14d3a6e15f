using Microsoft.Data.Sqlite;
using Reservations.Persistence.Sqlite;

namespace Reservations.Persistence.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private static readonly string[] Steps = ["CREATE TABLE probe (id INTEGER PRIMARY KEY, value TEXT NOT NULL)"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reservations-sqlite-");

    private string DatabasePath => Path.Combine(_folder.FullName, "db.sqlite");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Write_500Concurrent_AllCommittedAndAFailedOneUndoneAlone()
    {
        await using var database = new SqliteDatabase(DatabasePath);
        await database.MigrateAsync("probe", Steps);

        var writes = Enumerable.Range(1, 500).Select(i => Task.Run(() => database.WriteAsync(transaction =>
        {
            Insert(transaction, i);
            // Every tenth write fails after writing: its row must not survive, the others must.
            return i % 10 == 0 ? throw new InvalidOperationException("refused") : i;
        }))).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }));

        Assert.Equal(450, outcomes.Count(o => o != 0));
        Assert.Equal(450L, database.Read(connection => (long)connection.Command("SELECT count(*) FROM probe").ExecuteScalar()!));
        Assert.Equal(0L, database.Read(connection => (long)connection.Command("SELECT count(*) FROM probe WHERE id % 10 = 0").ExecuteScalar()!));
    }

    [Fact]
    public async Task Write_StatementRefusedBySqlite_TheSameStatementServesTheWritesAfterIt()
    {
        await using var database = new SqliteDatabase(DatabasePath);
        await database.MigrateAsync("probe", Steps);
        await database.WriteAsync(transaction => Insert(transaction, 1));

        // The writer keeps its prepared statements: SQLite refusing the duplicate must not spoil the statement for the rest.
        var writes = Enumerable.Range(1, 100).Select(i => Task.Run(() => database.WriteAsync(transaction => Insert(transaction, i)))).ToList();
        var refused = 0;
        foreach (var write in writes)
        {
            try
            {
                await write;
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
            {
                refused++;
            }
        }

        Assert.Equal(1, refused);
        Assert.Equal(100L, database.Read(connection => (long)connection.Command("SELECT count(*) FROM probe").ExecuteScalar()!));
    }

    [Fact]
    public async Task Write_QueueFull_RefusedAtOnceAsRetryableAndTheQueuedOnesCommit()
    {
        await using var database = new SqliteDatabase(DatabasePath);
        await database.MigrateAsync("probe", Steps);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = database.WriteAsync(transaction =>
        {
            started.Set();
            release.Wait();
            return Insert(transaction, 0);
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        var queued = Enumerable.Range(1, SqliteGroupCommit.MaxQueued).Select(i => database.WriteAsync(transaction => Insert(transaction, i))).ToList();
        var refused = database.WriteAsync(transaction => Insert(transaction, -1));

        var refusal = await Assert.ThrowsAsync<Orleans.Runtime.LimitExceededException>(() => refused);
        Assert.Contains("queue is full", refusal.Message);
        release.Set();
        await blocker;
        await Task.WhenAll(queued);
        Assert.Equal(SqliteGroupCommit.MaxQueued + 1L, database.Read(connection => (long)connection.Command("SELECT count(*) FROM probe").ExecuteScalar()!));
    }

    [Fact]
    public async Task Read_200InParallel_EachReadsItsOwnRowThroughAKeptStatementAndSeesLaterCommits()
    {
        await using var database = new SqliteDatabase(DatabasePath);
        await database.MigrateAsync("probe", Steps);
        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => database.WriteAsync(transaction => Insert(transaction, i))));

        // Reader connections keep their prepared statements: reads of one SQL text at once must not share one.
        var values = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() => ValueOf(database, i))));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"value-{i}"), values);

        // A read that fails with its reader open leaves the statement fit for the next read.
        Assert.Throws<InvalidOperationException>(() => database.Read<int>(connection =>
        {
            using var command = connection.Command(SelectValue);
            command.Parameters.AddWithValue("@id", 1);
            using var reader = command.ExecuteReader();
            throw new InvalidOperationException("the caller gave up");
        }));

        // A statement prepared before a commit reads what the commit wrote.
        await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command("UPDATE probe SET value = 'changed' WHERE id = 7");
            return command.ExecuteNonQuery();
        });
        Assert.Equal("changed", ValueOf(database, 7));
        Assert.Equal("value-1", ValueOf(database, 1));
    }

    [Fact]
    public async Task Write_Completed_SurvivesReopen()
    {
        await using (var database = new SqliteDatabase(DatabasePath))
        {
            await database.MigrateAsync("probe", Steps);
            await database.WriteAsync(transaction => Insert(transaction, 1));
        }

        await using var reopened = new SqliteDatabase(DatabasePath);
        Assert.Equal("value-1", reopened.Read(connection => (string)connection.Command("SELECT value FROM probe WHERE id = 1").ExecuteScalar()!));
        Assert.Equal("wal", reopened.Read(connection => (string)connection.Command("PRAGMA journal_mode").ExecuteScalar()!));
    }

    [Fact]
    public async Task Migrate_TwoProcessesAtOnceAndAgain_EachStepOnce()
    {
        string[] twoSteps = [Steps[0], "ALTER TABLE probe ADD COLUMN extra TEXT NULL"];
        await using var first = new SqliteDatabase(DatabasePath);
        await using var second = new SqliteDatabase(DatabasePath);

        await Task.WhenAll(first.MigrateAsync("probe", twoSteps), second.MigrateAsync("probe", twoSteps));
        await first.MigrateAsync("probe", twoSteps);

        Assert.Equal(2L, first.Read(connection => (long)connection.Command("SELECT count(*) FROM schema_migrations WHERE module = 'probe'").ExecuteScalar()!));
    }

    private const string SelectValue = "SELECT value FROM probe WHERE id = @id";

    private static string ValueOf(SqliteDatabase database, int id) => database.Read(connection =>
    {
        using var command = connection.Command(SelectValue);
        command.Parameters.AddWithValue("@id", id);
        return (string)command.ExecuteScalar()!;
    });

    private static int Insert(SqliteTransaction transaction, int id)
    {
        using var command = transaction.Command("INSERT INTO probe (id, value) VALUES (@id, @value)");
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@value", $"value-{id}");
        return command.ExecuteNonQuery();
    }
}
