using System.Data.Common;
using Microsoft.Data.Sqlite;
using Reservations.Runtime.Storage.Sql;

namespace Reservations.Runtime.Storage.Sqlite;

/// <summary>
/// Storage in one SQLite file: the embedded single-node default. WAL journal with
/// <c>synchronous=FULL</c>, so a committed write survives a process kill and a power loss. Writes
/// are group-committed (<see cref="WriteBatcher"/>); reads run beside them.
/// </summary>
public sealed class SqliteStorage : SqlStorage
{
    // Set on every connection: busy_timeout first so that switching to WAL waits for other writers.
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

    private readonly string _connectionString;

    /// <summary>Uses the database file at <paramref name="databasePath"/>, creating it and its directory when missing.</summary>
    public SqliteStorage(string databasePath)
        : base(groupCommit: true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<string> MigrationSteps => SqliteSchema.Steps;

    /// <inheritdoc />
    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = Pragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    private protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc />
    private protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already made this the only writer.

    /// <inheritdoc />
    private protected override object ToDbTime(DateTimeOffset time) => Microseconds.SinceUnixEpoch(time);

    /// <inheritdoc />
    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => Microseconds.FromUnixEpoch(reader.GetInt64(ordinal));
}
