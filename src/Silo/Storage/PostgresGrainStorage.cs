using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Reservations.Ledger;

namespace Reservations.Silo.Storage;

/// <summary>
/// Orleans grain state in PostgreSQL (table grain_state of deploy/postgres/0007_grain_state.sql),
/// group-committed: the writes of every grain that arrive while a batch commits go into the next
/// one, one statement and one WAL flush for all (<see cref="PostgresBatcher{T}"/>); alone, a write is
/// one round trip. Orleans' ADO.NET provider commits each write alone (docs/decisions.md has the
/// numbers). Reads are batched the same way, so that many grains activating at once (seats going on
/// sale) cost one statement, not one each. Each write is checked against its ETag (the row's
/// version) and a mismatch refuses that write alone with <see cref="InconsistentStateException"/>.
/// Clearing keeps the row with no payload, so versions only grow.
/// </summary>
/// <remarks>
/// State written before this provider, by Orleans' ADO.NET provider into orleans_grain_state, is read
/// through <paramref name="before"/> when grain_state has no row for it, but only if that table had
/// rows of this service at start (a new database never pays the second read). Such a state is handed
/// over without an ETag, so the grain's first write inserts its row here, and from then on this
/// table answers.
/// </remarks>
public sealed class PostgresGrainStorage(
    NpgsqlDataSource dataSource, IGrainStorageSerializer serializer, IActivatorProvider activators, string serviceId, IGrainStorage before)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    /// <summary>The name of Orleans' ADO.NET provider over orleans_grain_state, kept for state written before grain_state.</summary>
    public const string BeforeProviderName = "adonet-before-grain-state";

    // A key with no row returns nothing; WITH ORDINALITY numbers the reads, so each answer finds its caller.
    private const string ReadBatch = """
        SELECT k.ord, s.payload, s.version
        FROM unnest(@grain_id, @state_name) WITH ORDINALITY AS k(grain_id, state_name, ord)
        JOIN grain_state s ON s.service_id = @service_id AND s.grain_id = k.grain_id AND s.state_name = k.state_name
        """;

    // A first write (expected 0) inserts, a later one updates the version it read; either way a refused
    // write returns no row. WITH ORDINALITY numbers the writes, so each answer finds its caller.
    private const string WriteBatch = """
        WITH input AS (
            SELECT * FROM unnest(@grain_id, @state_name, @payload, @expected) WITH ORDINALITY
                AS i(grain_id, state_name, payload, expected, ord)
        ), updated AS (
            UPDATE grain_state s
            SET payload = i.payload, version = s.version + 1, modified_at = now()
            FROM input i
            WHERE i.expected > 0 AND s.service_id = @service_id AND s.grain_id = i.grain_id
              AND s.state_name = i.state_name AND s.version = i.expected
            RETURNING i.ord, s.version
        ), inserted AS (
            INSERT INTO grain_state (service_id, grain_id, state_name, payload, version, modified_at)
            SELECT @service_id, grain_id, state_name, payload, 1, now() FROM input WHERE expected = 0
            ON CONFLICT DO NOTHING
            RETURNING grain_id, state_name
        )
        SELECT ord, version FROM updated
        UNION ALL
        SELECT i.ord, 1 FROM inserted JOIN input i USING (grain_id, state_name) WHERE i.expected = 0
        """;

    private readonly PostgresBatcher<StateRead> _reads = new(dataSource, ReadBatchAsync(serviceId));
    private readonly PostgresBatcher<StateWrite> _writes = new(dataSource, WriteBatchAsync(serviceId));
    private bool _readBefore;

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var (found, payload, version) = await ReadRowAsync(stateName, grainId);
        if (!found && _readBefore)
        {
            await before.ReadStateAsync(stateName, grainId, grainState);
            grainState.ETag = null;
            return;
        }

        grainState.State = payload is null ? activators.GetActivator<T>().Create() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = found ? version.ToString(CultureInfo.InvariantCulture) : null;
        grainState.RecordExists = payload is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State).ToArray();
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
        lifecycle.Subscribe(nameof(PostgresGrainStorage), ServiceLifecycleStage.RuntimeStorageServices, async cancellationToken =>
        {
            await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleans_grain_state WHERE service_id = @service_id)");
            command.Parameters.Add(new NpgsqlParameter<string>("service_id", serviceId));
            _readBefore = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _reads.DisposeAsync();
        await _writes.DisposeAsync();
    }

    private async Task<(bool Found, byte[]? Payload, long Version)> ReadRowAsync(string stateName, GrainId grainId)
    {
        var read = new StateRead(grainId.ToString(), stateName);
        await _reads.EnqueueAsync(read);
        return (read.Version > 0, read.Payload, read.Version); // a stored row's version is at least 1
    }

    private async Task<string> WriteAsync(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        long expected = 0;
        if (etag is not null && (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out expected) || expected == 0))
        {
            throw new InconsistentStateException($"Writing {stateName} of {grainId}: {etag} is not an ETag of this storage.", storedEtag: null, currentEtag: etag);
        }

        var write = new StateWrite(grainId.ToString(), stateName, payload, expected);
        await _writes.EnqueueAsync(write);
        return write.Version.ToString(CultureInfo.InvariantCulture);
    }

    private static Func<NpgsqlConnection, IReadOnlyList<PostgresBatcher<StateRead>.Pending>, Task> ReadBatchAsync(string serviceId) => async (connection, batch) =>
    {
        await using var command = BatchCommand(ReadBatch, connection, serviceId, [.. batch.Select(p => p.Item.GrainId)], [.. batch.Select(p => p.Item.StateName)]);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var read = batch[(int)reader.GetInt64(0) - 1].Item;
                read.Payload = await reader.IsDBNullAsync(1) ? null : reader.GetFieldValue<byte[]>(1);
                read.Version = reader.GetInt64(2);
            }
        }

        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
    };

    private static Func<NpgsqlConnection, IReadOnlyList<PostgresBatcher<StateWrite>.Pending>, Task> WriteBatchAsync(string serviceId) => async (connection, batch) =>
    {
        // A grain writes one state at a time, but two activations of one grain (a duplicate, briefly) may
        // both be waiting: a statement takes each key once, and a repeated key waits for the next statement.
        var round = batch;
        while (round.Count > 0)
        {
            var keys = new HashSet<(string, string)>(round.Count);
            var now = new List<PostgresBatcher<StateWrite>.Pending>(round.Count);
            var next = new List<PostgresBatcher<StateWrite>.Pending>();
            foreach (var pending in round)
            {
                (keys.Add((pending.Item.GrainId, pending.Item.StateName)) ? now : next).Add(pending);
            }

            await WriteRoundAsync(connection, serviceId, now);
            round = next;
        }
    };

    private static async Task WriteRoundAsync(NpgsqlConnection connection, string serviceId, IReadOnlyList<PostgresBatcher<StateWrite>.Pending> round)
    {
        await using var command = BatchCommand(WriteBatch, connection, serviceId, [.. round.Select(p => p.Item.GrainId)], [.. round.Select(p => p.Item.StateName)]);
        command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payload", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. round.Select(p => p.Item.Payload)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. round.Select(p => p.Item.Expected)] });

        var versions = new long[round.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions[reader.GetInt64(0) - 1] = reader.GetInt64(1);
            }
        }

        // The statement committed on its own when its reader was done: only now is a write answered.
        for (var i = 0; i < round.Count; i++)
        {
            var (write, done) = (round[i].Item, round[i].Done);
            if (versions[i] > 0)
            {
                write.Version = versions[i];
                done.TrySetResult();
            }
            else
            {
                done.TrySetException(new InconsistentStateException(
                    $"Writing {write.StateName} of {write.GrainId}: the stored version is not {(write.Expected == 0 ? "absent" : write.Expected)}; another activation wrote first.",
                    storedEtag: null, currentEtag: write.Expected == 0 ? null : write.Expected.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>A statement over grain_state for a batch: the service, and the items' keys in the items' order.</summary>
    private static NpgsqlCommand BatchCommand(string sql, NpgsqlConnection connection, string serviceId, string[] grainIds, string[] stateNames)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("grain_id", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = grainIds });
        command.Parameters.Add(new NpgsqlParameter<string[]>("state_name", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = stateNames });
        return command;
    }

    /// <summary>One read waiting for its batch; the batch sets <see cref="Version"/> (0: no row) and <see cref="Payload"/>.</summary>
    private sealed record StateRead(string GrainId, string StateName)
    {
        public byte[]? Payload { get; set; }

        public long Version { get; set; }
    }

    /// <summary>One write waiting for its batch: <see cref="Expected"/> 0 inserts; the batch sets <see cref="Version"/>.</summary>
    private sealed record StateWrite(string GrainId, string StateName, byte[]? Payload, long Expected)
    {
        public long Version { get; set; }
    }
}
