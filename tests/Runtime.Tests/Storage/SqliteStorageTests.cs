using Microsoft.Data.Sqlite;
using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.Sqlite;

namespace Reservations.Runtime.Tests.Storage;

public sealed class SqliteStorageTests : StorageContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reservations-tests", Guid.NewGuid().ToString("N"));

    // A directory that does not exist yet: the provider creates it.
    private string DatabasePath => Path.Combine(_directory, "data", "silo.db");

    protected override ISiloStorage OpenStorage() => new SqliteStorage(DatabasePath);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SqliteStorage_ReopenedWithNewInstance_KeepsCommittedWrites()
    {
        var grain = NewGrain();
        var record = new UniqueRecord("booking", "APP-1", "seat-1", "user-1", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "{}");
        var writer = await MigratedStorageAsync();
        var etag = await writer.WriteAsync(grain, "state", "booked", null, record);
        var reminder = new ReminderEntry(grain, "expire", record.CreatedAt, TimeSpan.FromSeconds(30));
        var reminderEtag = await writer.UpsertRowAsync(reminder);

        var reader = await MigratedStorageAsync();

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(new StoredState("booked", etag), await reader.ReadAsync(grain, "state"));
        Assert.Equal(record, await reader.GetAsync("booking", "APP-1", "seat-1"));
        Assert.Equal(reminder with { Etag = reminderEtag }, await reader.ReadRowAsync(grain, "expire"));
    }

    [Fact]
    public async Task SqliteStorage_Migrated_UsesWriteAheadLog()
    {
        await MigratedStorageAsync();

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
