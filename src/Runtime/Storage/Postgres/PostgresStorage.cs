using System.Data.Common;
using Npgsql;
using Reservations.Runtime.Storage.Sql;

namespace Reservations.Runtime.Storage.Postgres;

/// <summary>Storage in PostgreSQL, shared by every silo of a cluster. Connections come from one pooled data source.</summary>
public sealed class PostgresStorage : SqlStorage
{
    // Any fixed number: every process migrating this database takes the same lock.
    private const long SchemaLockKey = 0x5265_7365_7276_01;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with <paramref name="connectionString"/> (Npgsql syntax).</summary>
    public PostgresStorage(string connectionString)
        : base(groupCommit: false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<string> MigrationSteps => PostgresSchema.Steps;

    /// <inheritdoc />
    private protected override ValueTask DisposeConnectionsAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    private protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    /// <inheritdoc />
    private protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.Add(new NpgsqlParameter<long>("key", SchemaLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    private protected override object ToDbTime(DateTimeOffset time) => time.UtcDateTime;

    /// <inheritdoc />
    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
