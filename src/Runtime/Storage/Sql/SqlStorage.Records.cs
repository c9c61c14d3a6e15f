using System.Data.Common;
using System.Text;

namespace Reservations.Runtime.Storage.Sql;

/// <content>Unique records: inserted with a state write, read by key or by keyset pages.</content>
public abstract partial class SqlStorage
{
    private const string RecordColumns = "kind, partition_key, record_key, owner, created_at, payload";

    private const string InsertRecord = $"""
        INSERT INTO records ({RecordColumns})
        VALUES (@kind, @partition_key, @record_key, @owner, @created_at, @record_payload)
        ON CONFLICT (kind, partition_key, record_key) DO NOTHING
        """;

    private const string SelectRecord = $"SELECT {RecordColumns} FROM records WHERE kind = @kind AND partition_key = @partition_key AND record_key = @record_key";

    // After the cursor in RecordOrder: older, or as old and later by partition, then by key.
    private const string AfterCursor = """
         AND (created_at < @before_at OR (created_at = @before_at
             AND (partition_key > @before_partition OR (partition_key = @before_partition AND record_key > @before_key))))
        """;

    /// <inheritdoc />
    public async Task<UniqueRecord?> GetAsync(string kind, string partition, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, SelectRecord);
        Add(command, "@kind", kind);
        Add(command, "@partition_key", partition);
        Add(command, "@record_key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UniqueRecord>> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = QueryCommand(connection, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<UniqueRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(ReadRecord(reader));
        }

        return page;
    }

    /// <summary>False when a record with the same kind, partition and key exists.</summary>
    private async Task<bool> TryInsertRecordAsync(DbConnection connection, DbTransaction? transaction, UniqueRecord record, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, InsertRecord);
        Add(command, "@kind", record.Kind);
        Add(command, "@partition_key", record.Partition);
        Add(command, "@record_key", record.Key);
        Add(command, "@owner", record.Owner);
        AddTime(command, "@created_at", record.CreatedAt);
        Add(command, "@record_payload", record.Payload);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Only the filters the query sets reach the SQL, so each shape can use its index.</summary>
    private DbCommand QueryCommand(DbConnection connection, RecordQuery query)
    {
        var sql = new StringBuilder($"SELECT {RecordColumns} FROM records WHERE kind = @kind");
        var command = Command(connection, null, string.Empty);
        Add(command, "@kind", query.Kind);
        if (query.Partition is not null)
        {
            sql.Append(" AND partition_key = @partition_key");
            Add(command, "@partition_key", query.Partition);
        }

        if (query.Owner is not null)
        {
            sql.Append(" AND owner = @owner");
            Add(command, "@owner", query.Owner);
        }

        // Stored times are whole microseconds, so comparing with the bound rounded up keeps the
        // meaning of >= From and < To exactly.
        if (query.From is { } from)
        {
            sql.Append(" AND created_at >= @from");
            AddTime(command, "@from", Microseconds.Ceiling(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND created_at < @to");
            AddTime(command, "@to", Microseconds.Ceiling(to));
        }

        if (query.Before is { } before)
        {
            sql.Append(AfterCursor);
            AddTime(command, "@before_at", before.CreatedAt);
            Add(command, "@before_partition", before.Partition);
            Add(command, "@before_key", before.Key);
        }

        sql.Append(" ORDER BY created_at DESC, partition_key, record_key LIMIT @limit");
        Add(command, "@limit", query.Limit);
        command.CommandText = sql.ToString();
        return command;
    }

    private UniqueRecord ReadRecord(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        ReadTime(reader, 4),
        reader.GetString(5));
}
