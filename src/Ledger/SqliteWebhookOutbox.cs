using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Reservations.Grains.Webhooks;
using Reservations.Persistence.Sqlite;

namespace Reservations.Ledger;

/// <summary>
/// The webhook outbox in the silo's SQLite file. Its inserts join the group commit with grain state
/// and ledger rows, so recording an event costs no fsync of its own under load. Times are
/// microseconds since the Unix epoch; status is <see cref="WebhookDeliveryStatus"/>'s number.
/// </summary>
public sealed class SqliteWebhookOutbox(SqliteDatabase database) : IWebhookOutbox, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The schema steps of the "webhooks" module.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE webhook_deliveries (
            app_id TEXT NOT NULL,
            endpoint_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER,
            PRIMARY KEY (app_id, endpoint_id, event_id)) WITHOUT ROWID;
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (app_id, endpoint_id, next_attempt_at) WHERE status = 0;
        CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (app_id, endpoint_id, created_at DESC, event_id DESC);
        CREATE TABLE webhook_attempts (
            app_id TEXT NOT NULL,
            endpoint_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            attempted_at INTEGER NOT NULL,
            status_code INTEGER,
            error TEXT,
            duration_ms INTEGER NOT NULL,
            PRIMARY KEY (app_id, endpoint_id, event_id, attempt)) WITHOUT ROWID;
        """,
        """
        ALTER TABLE webhook_deliveries ADD COLUMN delivered_at INTEGER;
        ALTER TABLE webhook_deliveries ADD COLUMN delivered_status_code INTEGER;
        ALTER TABLE webhook_deliveries ADD COLUMN delivered_duration_ms INTEGER;
        DROP INDEX webhook_deliveries_recent;
        """,
    ];

    private const string Insert = """
        INSERT INTO webhook_deliveries (app_id, endpoint_id, event_id, event_type, payload, created_at, status, attempts, next_attempt_at)
        VALUES (@app_id, @endpoint_id, @event_id, @event_type, @payload, @created_at, 0, 0, @created_at)
        ON CONFLICT DO NOTHING
        """;

    private const string PruneAttempts =
        $"DELETE FROM webhook_attempts WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id IN ({WebhookOutboxSql.Prunable})";

    private const string PruneDeliveries =
        $"DELETE FROM webhook_deliveries WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id IN ({WebhookOutboxSql.Prunable})";

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteWebhookOutbox), ServiceLifecycleStage.RuntimeStorageServices, _ => database.MigrateAsync("webhooks", Schema));

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<WebhookEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return database.WriteAsync(transaction =>
        {
            using var insert = transaction.Command(Insert);
            var app = insert.Parameters.Add("@app_id", SqliteType.Text);
            var endpoint = insert.Parameters.Add("@endpoint_id", SqliteType.Text);
            var eventId = insert.Parameters.Add("@event_id", SqliteType.Text);
            var type = insert.Parameters.Add("@event_type", SqliteType.Text);
            var payload = insert.Parameters.Add("@payload", SqliteType.Text);
            var created = insert.Parameters.Add("@created_at", SqliteType.Integer);
            foreach (var @event in events)
            {
                foreach (var endpointId in @event.EndpointIds)
                {
                    app.Value = @event.AppId;
                    endpoint.Value = endpointId;
                    eventId.Value = @event.EventId;
                    type.Value = @event.Type;
                    payload.Value = @event.Payload;
                    created.Value = Microseconds(@event.CreatedAt);
                    insert.ExecuteNonQuery();
                }
            }

            return true;
        });
    }

    /// <inheritdoc />
    public Task<ImmutableArray<DueWebhook>> DueAsync(string appId, string endpointId, DateTimeOffset now, int limit) => Task.FromResult(database.Read(connection =>
    {
        using var command = Scoped(connection.Command(WebhookOutboxSql.Due), appId, endpointId);
        command.Parameters.AddWithValue("@now", Microseconds(now));
        command.Parameters.AddWithValue("@limit", limit);
        using var reader = command.ExecuteReader();
        var due = ImmutableArray.CreateBuilder<DueWebhook>();
        while (reader.Read())
        {
            due.Add(new DueWebhook(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Time(reader.GetInt64(3))));
        }

        return due.ToImmutable();
    }));

    /// <inheritdoc />
    public Task<DateTimeOffset?> NextDueAsync(string appId, string endpointId) => Task.FromResult(database.Read(connection =>
    {
        using var command = Scoped(connection.Command(WebhookOutboxSql.NextDue), appId, endpointId);
        return command.ExecuteScalar() is long next ? Time(next) : (DateTimeOffset?)null;
    }));

    /// <inheritdoc />
    public Task RecordAttemptsAsync(string appId, string endpointId, IReadOnlyList<AttemptOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return database.WriteAsync(transaction =>
        {
            // Each statement is prepared once for the run's attempts.
            using var update = Scoped(transaction.Command(WebhookOutboxSql.UpdateDelivery), appId, endpointId);
            var updateEvent = update.Parameters.Add("@event_id", SqliteType.Text);
            var status = update.Parameters.Add("@status", SqliteType.Integer);
            var updateNumber = update.Parameters.Add("@attempt", SqliteType.Integer);
            var next = update.Parameters.Add("@next_attempt_at", SqliteType.Integer);
            var deliveredAt = update.Parameters.Add("@delivered_at", SqliteType.Integer);
            var deliveredCode = update.Parameters.Add("@delivered_status_code", SqliteType.Integer);
            var deliveredDuration = update.Parameters.Add("@delivered_duration_ms", SqliteType.Integer);
            using var insert = Scoped(transaction.Command(WebhookOutboxSql.InsertAttempt), appId, endpointId);
            var insertEvent = insert.Parameters.Add("@event_id", SqliteType.Text);
            var insertNumber = insert.Parameters.Add("@attempt", SqliteType.Integer);
            var at = insert.Parameters.Add("@attempted_at", SqliteType.Integer);
            var code = insert.Parameters.Add("@status_code", SqliteType.Integer);
            var error = insert.Parameters.Add("@error", SqliteType.Text);
            var duration = insert.Parameters.Add("@duration_ms", SqliteType.Integer);
            foreach (var outcome in outcomes)
            {
                var attempt = outcome.Attempt;
                updateEvent.Value = insertEvent.Value = outcome.EventId;
                updateNumber.Value = insertNumber.Value = attempt.Number;
                status.Value = (int)outcome.Status;
                next.Value = outcome.NextAttemptAt is { } nextAt ? Microseconds(nextAt) : DBNull.Value;
                var delivered = outcome.Status == WebhookDeliveryStatus.Delivered;
                deliveredAt.Value = delivered ? Microseconds(attempt.At) : DBNull.Value;
                deliveredCode.Value = delivered && attempt.StatusCode is { } deliveredStatus ? deliveredStatus : DBNull.Value;
                deliveredDuration.Value = delivered ? attempt.DurationMilliseconds : DBNull.Value;
                update.ExecuteNonQuery();
                if (delivered)
                {
                    continue; // kept on the delivery's row
                }

                at.Value = Microseconds(attempt.At);
                code.Value = attempt.StatusCode is { } statusCode ? statusCode : DBNull.Value;
                error.Value = (object?)attempt.Error ?? DBNull.Value;
                duration.Value = attempt.DurationMilliseconds;
                insert.ExecuteNonQuery();
            }

            return true;
        });
    }

    /// <inheritdoc />
    public Task<WebhookDeliveryPage> ListAsync(string appId, string endpointId, string? after, int limit) => Task.FromResult(database.Read(connection =>
    {
        var rows = new List<(string EventId, string Type, DateTimeOffset CreatedAt, WebhookDeliveryStatus Status, DateTimeOffset? Next, string Payload, WebhookAttempt? Success)>();
        using (var page = Scoped(connection.Command(WebhookOutboxSql.Page(after is not null)), appId, endpointId))
        {
            page.Parameters.AddWithValue("@limit", limit + 1);
            if (after is not null)
            {
                page.Parameters.AddWithValue("@after_event", after);
            }

            using var reader = page.ExecuteReader();
            while (reader.Read())
            {
                var success = reader.IsDBNull(7) ? null
                    : new WebhookAttempt(reader.GetInt32(6), Time(reader.GetInt64(7)), reader.IsDBNull(8) ? null : reader.GetInt32(8), null, reader.GetInt32(9));
                rows.Add((reader.GetString(0), reader.GetString(1), Time(reader.GetInt64(2)), (WebhookDeliveryStatus)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : Time(reader.GetInt64(4)), reader.GetString(5), success));
            }
        }

        var items = ImmutableArray.CreateBuilder<WebhookDelivery>(Math.Min(rows.Count, limit));
        foreach (var row in rows.Take(limit))
        {
            using var attempts = Scoped(connection.Command(WebhookOutboxSql.AttemptsOfEvent), appId, endpointId);
            attempts.Parameters.AddWithValue("@event_id", row.EventId);
            using var reader = attempts.ExecuteReader();
            var list = ImmutableArray.CreateBuilder<WebhookAttempt>();
            if (row.Success is { } success)
            {
                list.Add(success);
            }

            while (reader.Read())
            {
                list.Add(new WebhookAttempt(reader.GetInt32(0), Time(reader.GetInt64(1)), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4)));
            }

            items.Add(new WebhookDelivery(row.EventId, row.Type, row.CreatedAt, row.Status, row.Next, row.Payload, list.ToImmutable()));
        }

        var last = items.Count > 0 ? items[^1] : null;
        return new WebhookDeliveryPage(items.ToImmutable(), rows.Count > limit && last is not null ? last.EventId : null);
    }));

    /// <inheritdoc />
    public Task<bool> ReplayAsync(string appId, string endpointId, string eventId, DateTimeOffset now) => database.WriteAsync(transaction =>
    {
        using (var keep = Scoped(transaction.Command(WebhookOutboxSql.KeepSuccessAsAttempt), appId, endpointId))
        {
            keep.Parameters.AddWithValue("@event_id", eventId);
            keep.ExecuteNonQuery();
        }

        using var replay = Scoped(transaction.Command(WebhookOutboxSql.Replay), appId, endpointId);
        replay.Parameters.AddWithValue("@event_id", eventId);
        replay.Parameters.AddWithValue("@now", Microseconds(now));
        return replay.ExecuteNonQuery() == 1;
    });

    /// <inheritdoc />
    public Task<int> PruneAsync(string appId, string endpointId, string before, int limit) => database.WriteAsync(transaction =>
    {
        // One transaction on the one writer: both statements see the same rows.
        using (var attempts = Scoped(transaction.Command(PruneAttempts), appId, endpointId))
        {
            attempts.Parameters.AddWithValue("@before", before);
            attempts.Parameters.AddWithValue("@limit", limit);
            attempts.ExecuteNonQuery();
        }

        using var deliveries = Scoped(transaction.Command(PruneDeliveries), appId, endpointId);
        deliveries.Parameters.AddWithValue("@before", before);
        deliveries.Parameters.AddWithValue("@limit", limit);
        return deliveries.ExecuteNonQuery();
    });

    /// <inheritdoc />
    public Task DeleteEndpointAsync(string appId, string endpointId) => database.WriteAsync(transaction =>
    {
        using (var deliveries = Scoped(transaction.Command(WebhookOutboxSql.DeleteDeliveries), appId, endpointId))
        {
            deliveries.ExecuteNonQuery();
        }

        using var attempts = Scoped(transaction.Command(WebhookOutboxSql.DeleteAttempts), appId, endpointId);
        attempts.ExecuteNonQuery();
        return true;
    });

    private static SqliteCommand Scoped(SqliteCommand command, string appId, string endpointId)
    {
        command.Parameters.AddWithValue("@app_id", appId);
        command.Parameters.AddWithValue("@endpoint_id", endpointId);
        return command;
    }

    private static long Microseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset Time(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
}
