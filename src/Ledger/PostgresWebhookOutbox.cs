using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using Reservations.Grains.Webhooks;

namespace Reservations.Ledger;

/// <summary>
/// The webhook outbox in PostgreSQL (tables of deploy/postgres/0005_webhook_outbox.sql and 0008). Events are
/// inserted in batches (<see cref="PostgresBatcher{T}"/>), as ledger rows are.
/// </summary>
public sealed class PostgresWebhookOutbox(NpgsqlDataSource dataSource) : IWebhookOutbox, IAsyncDisposable
{
    private readonly PostgresBatcher<IReadOnlyList<WebhookEvent>> _inserts = new(dataSource, InsertAsync);

    private const string InsertMany = """
        INSERT INTO webhook_deliveries (app_id, endpoint_id, event_id, event_type, payload, created_at, status, attempts, next_attempt_at)
        SELECT app_id, endpoint_id, event_id, event_type, payload, created_at, 0, 0, created_at
        FROM unnest(@app_id, @endpoint_id, @event_id, @event_type, @payload, @created_at)
            AS e(app_id, endpoint_id, event_id, event_type, payload, created_at)
        ON CONFLICT DO NOTHING
        """;

    // The attempts go with exactly the deliveries the first statement took (one snapshot, one commit).
    private const string Prune = $"""
        WITH gone AS (
            DELETE FROM webhook_deliveries
            WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND status <> 0 AND event_id IN ({WebhookOutboxSql.Prunable})
            RETURNING event_id),
        attempts AS (
            DELETE FROM webhook_attempts
            WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id IN (SELECT event_id FROM gone))
        SELECT count(*) FROM gone
        """;

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<WebhookEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return _inserts.EnqueueAsync(events);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inserts.DisposeAsync();

    private static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<PostgresBatcher<IReadOnlyList<WebhookEvent>>.Pending> batch)
    {
        var rows = batch.SelectMany(p => p.Item).SelectMany(e => e.EndpointIds, (e, endpointId) => (Event: e, EndpointId: endpointId)).ToArray();
        await using var insert = new NpgsqlCommand(InsertMany, connection);
        insert.Parameters.AddWithValue("app_id", rows.Select(r => r.Event.AppId).ToArray());
        insert.Parameters.AddWithValue("endpoint_id", rows.Select(r => r.EndpointId).ToArray());
        insert.Parameters.AddWithValue("event_id", rows.Select(r => r.Event.EventId).ToArray());
        insert.Parameters.AddWithValue("event_type", rows.Select(r => r.Event.Type).ToArray());
        insert.Parameters.AddWithValue("payload", rows.Select(r => r.Event.Payload).ToArray());
        insert.Parameters.AddWithValue("created_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(r => r.Event.CreatedAt.UtcDateTime).ToArray());
        await insert.ExecuteNonQueryAsync();
        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<DueWebhook>> DueAsync(string appId, string endpointId, DateTimeOffset now, int limit)
    {
        await using var command = Scoped(dataSource.CreateCommand(WebhookOutboxSql.Due), appId, endpointId);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var due = ImmutableArray.CreateBuilder<DueWebhook>();
        while (await reader.ReadAsync())
        {
            due.Add(new DueWebhook(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return due.ToImmutable();
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> NextDueAsync(string appId, string endpointId)
    {
        await using var command = Scoped(dataSource.CreateCommand(WebhookOutboxSql.NextDue), appId, endpointId);
        return await command.ExecuteScalarAsync() is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <inheritdoc />
    public async Task RecordAttemptsAsync(string appId, string endpointId, IReadOnlyList<AttemptOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // One round trip and one commit for the run's attempts.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (eventId, attempt, status, nextAttemptAt) in outcomes)
        {
            var update = Scoped(new NpgsqlBatchCommand(WebhookOutboxSql.UpdateDelivery), appId, endpointId);
            update.Parameters.AddWithValue("event_id", eventId);
            update.Parameters.AddWithValue("status", (int)status);
            update.Parameters.AddWithValue("attempt", attempt.Number);
            update.Parameters.AddWithValue("next_attempt_at", NpgsqlDbType.TimestampTz, nextAttemptAt is { } next ? next.UtcDateTime : DBNull.Value);
            var delivered = status == WebhookDeliveryStatus.Delivered;
            update.Parameters.AddWithValue("delivered_at", NpgsqlDbType.TimestampTz, delivered ? attempt.At.UtcDateTime : DBNull.Value);
            update.Parameters.AddWithValue("delivered_status_code", NpgsqlDbType.Integer, delivered && attempt.StatusCode is { } deliveredStatus ? deliveredStatus : DBNull.Value);
            update.Parameters.AddWithValue("delivered_duration_ms", NpgsqlDbType.Integer, delivered ? attempt.DurationMilliseconds : DBNull.Value);
            batch.BatchCommands.Add(update);
            if (delivered)
            {
                continue; // kept on the delivery's row
            }

            var insert = Scoped(new NpgsqlBatchCommand(WebhookOutboxSql.InsertAttempt), appId, endpointId);
            insert.Parameters.AddWithValue("event_id", eventId);
            insert.Parameters.AddWithValue("attempt", attempt.Number);
            insert.Parameters.AddWithValue("attempted_at", attempt.At.UtcDateTime);
            insert.Parameters.AddWithValue("status_code", NpgsqlDbType.Integer, attempt.StatusCode is { } code ? code : DBNull.Value);
            insert.Parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)attempt.Error ?? DBNull.Value);
            insert.Parameters.AddWithValue("duration_ms", attempt.DurationMilliseconds);
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <inheritdoc />
    public async Task<WebhookDeliveryPage> ListAsync(string appId, string endpointId, string? after, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = new List<(string EventId, string Type, DateTimeOffset CreatedAt, WebhookDeliveryStatus Status, DateTimeOffset? Next, string Payload, WebhookAttempt? Success)>();
        await using (var page = Scoped(new NpgsqlCommand(WebhookOutboxSql.Page(after is not null), connection), appId, endpointId))
        {
            page.Parameters.AddWithValue("limit", limit + 1);
            if (after is not null)
            {
                page.Parameters.AddWithValue("after_event", after);
            }

            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var success = reader.IsDBNull(7) ? null
                    : new WebhookAttempt(reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetInt32(8), null, reader.GetInt32(9));
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), (WebhookDeliveryStatus)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), success));
            }
        }

        var items = ImmutableArray.CreateBuilder<WebhookDelivery>(Math.Min(rows.Count, limit));
        foreach (var row in rows.Take(limit))
        {
            await using var attempts = Scoped(new NpgsqlCommand(WebhookOutboxSql.AttemptsOfEvent, connection), appId, endpointId);
            attempts.Parameters.AddWithValue("event_id", row.EventId);
            await using var reader = await attempts.ExecuteReaderAsync();
            var list = ImmutableArray.CreateBuilder<WebhookAttempt>();
            if (row.Success is { } success)
            {
                list.Add(success);
            }

            while (await reader.ReadAsync())
            {
                list.Add(new WebhookAttempt(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4)));
            }

            items.Add(new WebhookDelivery(row.EventId, row.Type, row.CreatedAt, row.Status, row.Next, row.Payload, list.ToImmutable()));
        }

        var last = items.Count > 0 ? items[^1] : null;
        return new WebhookDeliveryPage(items.ToImmutable(), rows.Count > limit && last is not null ? last.EventId : null);
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(string appId, string endpointId, string eventId, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var keep = Scoped(new NpgsqlBatchCommand(WebhookOutboxSql.KeepSuccessAsAttempt), appId, endpointId);
        keep.Parameters.AddWithValue("event_id", eventId);
        batch.BatchCommands.Add(keep);
        var replay = Scoped(new NpgsqlBatchCommand(WebhookOutboxSql.Replay), appId, endpointId);
        replay.Parameters.AddWithValue("event_id", eventId);
        replay.Parameters.AddWithValue("now", now.UtcDateTime);
        batch.BatchCommands.Add(replay);
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return replay.RecordsAffected == 1;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(string appId, string endpointId, string before, int limit)
    {
        await using var command = Scoped(dataSource.CreateCommand(Prune), appId, endpointId);
        command.Parameters.AddWithValue("before", before);
        command.Parameters.AddWithValue("limit", limit);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc />
    public async Task DeleteEndpointAsync(string appId, string endpointId)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var sql in new[] { WebhookOutboxSql.DeleteDeliveries, WebhookOutboxSql.DeleteAttempts })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("app_id", appId);
            command.Parameters.AddWithValue("endpoint_id", endpointId);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Scoped(NpgsqlCommand command, string appId, string endpointId)
    {
        Scope(command.Parameters, appId, endpointId);
        return command;
    }

    private static NpgsqlBatchCommand Scoped(NpgsqlBatchCommand command, string appId, string endpointId)
    {
        Scope(command.Parameters, appId, endpointId);
        return command;
    }

    private static void Scope(NpgsqlParameterCollection parameters, string appId, string endpointId)
    {
        parameters.AddWithValue("app_id", appId);
        parameters.AddWithValue("endpoint_id", endpointId);
    }
}
