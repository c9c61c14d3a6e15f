using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Reservations.Runtime.Hosting;

namespace Reservations.Runtime.Storage.Sql;

/// <summary>
/// The ADO.NET storage the SQL providers share: one parameterised statement per operation,
/// version-checked writes, a state and its record in one transaction. A provider supplies only what
/// differs between databases: connections, write transactions, time columns and the schema.
/// </summary>
public abstract partial class SqlStorage : ISiloStorage, IAsyncDisposable, IDisposable
{
    private const long MaxInitialVersion = 1L << 62;

    private readonly WriteBatcher? _batcher;

    /// <param name="groupCommit">Whether writes are batched into shared transactions (<see cref="WriteBatcher"/>).</param>
    private protected SqlStorage(bool groupCommit)
    {
        _batcher = groupCommit ? new WriteBatcher(OpenAsync, BeginWriteAsync) : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_batcher is not null)
        {
            await _batcher.DisposeAsync();
        }

        await DisposeConnectionsAsync();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Releases what the provider holds (its connection pool) once the last write is done.</summary>
    private protected virtual ValueTask DisposeConnectionsAsync() => ValueTask.CompletedTask;

    /// <summary>Opens a connection, configured for this database.</summary>
    private protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that will write (SQLite: takes the write lock at once).</summary>
    private protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// One write: its statements run on <paramref name="connection"/>, inside
    /// <paramref name="transaction"/> when there is one. A unit that throws changes nothing.
    /// </summary>
    private protected delegate Task<T> WriteUnit<T>(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one write and returns once it is durable: in the next group commit, or else on its own
    /// connection, in a transaction when <paramref name="atomic"/> (more than one statement).
    /// </summary>
    private protected async Task<T> ExecuteWriteAsync<T>(WriteUnit<T> unit, bool atomic, CancellationToken cancellationToken)
    {
        if (_batcher is not null)
        {
            return await _batcher.EnqueueAsync((connection, transaction) => unit(connection, transaction, cancellationToken));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = atomic ? await BeginWriteAsync(connection, cancellationToken) : null;
        var result = await unit(connection, transaction, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Serialises migrations across processes for the rest of <paramref name="transaction"/>.</summary>
    private protected abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The schema's steps; step i (from 0) brings the schema to version i + 1.</summary>
    private protected abstract IReadOnlyList<string> MigrationSteps { get; }

    /// <summary>A time as this database's parameter value; <paramref name="time"/> is at whole microseconds.</summary>
    private protected abstract object ToDbTime(DateTimeOffset time);

    /// <summary>A time column as UTC.</summary>
    private protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private void AddTime(DbCommand command, string name, DateTimeOffset time) =>
        Add(command, name, ToDbTime(Microseconds.Truncate(time)));

    /// <summary>
    /// A new row starts at a random version rather than 1, so an ETag kept from a deleted row can
    /// never match the row that replaces it.
    /// </summary>
    private static long NewVersion() =>
        1 + (BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(long))) & (MaxInitialVersion - 1));

    /// <summary>False for an ETag no stored version can match.</summary>
    private static bool TryParseVersion(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version < long.MaxValue;

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);
}
