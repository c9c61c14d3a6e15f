using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Reservations.Persistence.Sqlite;

/// <summary>
/// Orleans grain state in SQLite. A row per (grain id, state name): the full grain id, type
/// included, so two grain classes never share a row. Every write is checked against the ETag (the
/// row's version) and group-committed; a mismatch throws <see cref="InconsistentStateException"/>
/// and writes nothing. Clearing keeps the row with no payload, so versions only ever grow.
/// </summary>
public sealed class SqliteGrainStorage(
    SqliteDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The schema steps of <see cref="SqliteDatabase.MigrateAsync"/>'s "grain-state" module.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE orleans_grain_state (
            grain_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            payload BLOB NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_id, state_name))
        """,
    ];

    private const string Key = "grain_id = @grain_id AND state_name = @state_name";

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var (payload, version) = database.Read(connection =>
        {
            using var command = connection.Command($"SELECT payload, version FROM orleans_grain_state WHERE {Key}");
            AddKey(command, stateName, grainId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.IsDBNull(0) ? null : (byte[])reader[0], (long?)reader.GetInt64(1)) : (null, null);
        });

        grainState.State = payload is null ? activators.GetActivator<T>().Create() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = ArrayOf(serializer.Serialize(grainState.State));
        grainState.ETag = await WriteAsync(stateName, grainId, grainState.ETag, payload);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // As Orleans' own providers do: an activation that never saw the row clears what is stored, if anything.
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        grainState.ETag = await WriteAsync(stateName, grainId, grainState.ETag, payload: null);
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteGrainStorage), ServiceLifecycleStage.RuntimeStorageServices, _ => database.MigrateAsync("grain-state", Schema));

    private Task<string> WriteAsync(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        long expected = 0;
        if (etag is not null && !long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out expected))
        {
            throw new InconsistentStateException($"Writing {stateName} of {grainId}: {etag} is not an ETag of this storage.", storedEtag: null, currentEtag: etag);
        }

        return database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(etag is null
                ? "INSERT INTO orleans_grain_state (grain_id, state_name, payload, version) VALUES (@grain_id, @state_name, @payload, 1) ON CONFLICT DO NOTHING"
                : $"UPDATE orleans_grain_state SET payload = @payload, version = version + 1 WHERE {Key} AND version = @expected");
            AddKey(command, stateName, grainId);
            command.Parameters.Add("@payload", SqliteType.Blob).Value = (object?)payload ?? DBNull.Value;
            command.Parameters.AddWithValue("@expected", expected);
            return command.ExecuteNonQuery() == 1
                ? (expected + 1).ToString(CultureInfo.InvariantCulture)
                : throw new InconsistentStateException($"Writing {stateName} of {grainId}: the stored version is not {etag ?? "absent"}; another activation wrote first.", null, etag);
        });
    }

    // Orleans' serializer hands over a fresh array of its own: stored as it is rather than copied.
    private static byte[] ArrayOf(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment is { Offset: 0, Array: { } array } && array.Length == segment.Count
            ? array
            : data.ToArray();

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("@grain_id", grainId.ToString());
        command.Parameters.AddWithValue("@state_name", stateName);
    }
}
