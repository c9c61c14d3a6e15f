using System.Data.Common;

namespace Reservations.Runtime.Storage.Sql;

/// <content>Grain state: version-checked writes, each with its optional record in one transaction.</content>
public abstract partial class SqlStorage
{
    private const string StateKey = "grain_type = @grain_type AND grain_key = @grain_key AND state_name = @state_name";

    private const string SelectState = $"SELECT payload, version FROM grain_state WHERE {StateKey}";

    private const string InsertState = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version)
        VALUES (@grain_type, @grain_key, @state_name, @payload, @version)
        ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
        """;

    private const string UpdateState = $"UPDATE grain_state SET payload = @payload, version = version + 1 WHERE {StateKey} AND version = @expected";

    private const string DeleteState = $"DELETE FROM grain_state WHERE {StateKey} AND version = @expected";

    /// <inheritdoc />
    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = StateCommand(connection, null, SelectState, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredState(reader.GetString(0), FormatVersion(reader.GetInt64(1)))
            : null;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedEtag, UniqueRecord? record = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        long expected = 0;
        if (expectedEtag is not null && !TryParseVersion(expectedEtag, out expected))
        {
            throw Mismatch(grainId, stateName, expectedEtag);
        }

        var version = expectedEtag is null ? NewVersion() : expected + 1;
        return await ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                await using (var command = StateCommand(connection, transaction, expectedEtag is null ? InsertState : UpdateState, grainId, stateName))
                {
                    Add(command, "@payload", json);
                    Add(command, expectedEtag is null ? "@version" : "@expected", expectedEtag is null ? version : expected);
                    if (await command.ExecuteNonQueryAsync(ct) != 1)
                    {
                        throw Mismatch(grainId, stateName, expectedEtag);
                    }
                }

                // Throwing undoes the state write too: a unit with a record runs in a transaction.
                if (record is not null && !await TryInsertRecordAsync(connection, transaction, record, ct))
                {
                    throw new DuplicateRecordException(record);
                }

                return FormatVersion(version);
            },
            atomic: record is not null,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        long expected = 0;
        if (expectedEtag is not null && !TryParseVersion(expectedEtag, out expected))
        {
            throw Mismatch(grainId, stateName, expectedEtag);
        }

        await ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                if (expectedEtag is null)
                {
                    // Nothing is written: clearing a state that does not exist succeeds, one that does is refused.
                    await using var select = StateCommand(connection, transaction, SelectState, grainId, stateName);
                    await using var reader = await select.ExecuteReaderAsync(ct);
                    return await reader.ReadAsync(ct) ? throw Mismatch(grainId, stateName, expectedEtag) : true;
                }

                await using var delete = StateCommand(connection, transaction, DeleteState, grainId, stateName);
                Add(delete, "@expected", expected);
                return await delete.ExecuteNonQueryAsync(ct) == 1 ? true : throw Mismatch(grainId, stateName, expectedEtag);
            },
            atomic: false,
            cancellationToken);
    }

    private static DbCommand StateCommand(DbConnection connection, DbTransaction? transaction, string sql, GrainId grainId, string stateName)
    {
        var command = Command(connection, transaction, sql);
        Add(command, "@grain_type", grainId.Type);
        Add(command, "@grain_key", grainId.Key);
        Add(command, "@state_name", stateName);
        return command;
    }

    private static InconsistentStateException Mismatch(GrainId grainId, string stateName, string? expectedEtag) =>
        new($"State {stateName} of {grainId}: expected version {expectedEtag ?? "none"}, the stored version differs.");
}
