namespace Reservations.Ledger;

/// <summary>
/// The outbox's statements that read the same on SQLite and PostgreSQL (parameters are @name on both).
/// A delivery's successful attempt is kept on its own row (delivered_*), so that the common case, an
/// event delivered at once, costs one insert and one update; webhook_attempts holds the failed
/// attempts, and a replay moves the success there before the delivery is sent again.
/// </summary>
internal static class WebhookOutboxSql
{
    public const string Due = """
        SELECT event_id, payload, attempts, created_at FROM webhook_deliveries
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND status = 0 AND next_attempt_at <= @now
        ORDER BY next_attempt_at, event_id LIMIT @limit
        """;

    public const string NextDue = """
        SELECT MIN(next_attempt_at) FROM webhook_deliveries
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND status = 0
        """;

    public const string UpdateDelivery = """
        UPDATE webhook_deliveries SET status = @status, attempts = @attempt, next_attempt_at = @next_attempt_at,
            delivered_at = @delivered_at, delivered_status_code = @delivered_status_code, delivered_duration_ms = @delivered_duration_ms
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id = @event_id
        """;

    public const string InsertAttempt = """
        INSERT INTO webhook_attempts (app_id, endpoint_id, event_id, attempt, attempted_at, status_code, error, duration_ms)
        VALUES (@app_id, @endpoint_id, @event_id, @attempt, @attempted_at, @status_code, @error, @duration_ms)
        ON CONFLICT DO NOTHING
        """;

    public const string KeepSuccessAsAttempt = """
        INSERT INTO webhook_attempts (app_id, endpoint_id, event_id, attempt, attempted_at, status_code, error, duration_ms)
        SELECT app_id, endpoint_id, event_id, attempts, delivered_at, delivered_status_code, NULL, delivered_duration_ms FROM webhook_deliveries
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id = @event_id AND delivered_at IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    public const string Replay = """
        UPDATE webhook_deliveries SET status = 0, next_attempt_at = @now, delivered_at = NULL, delivered_status_code = NULL, delivered_duration_ms = NULL
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id = @event_id
        """;

    /// <summary>The finished deliveries a prune takes, oldest first: found by a range of the primary key.</summary>
    public const string Prunable = """
        SELECT event_id FROM webhook_deliveries
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id < @before AND status <> 0
        ORDER BY event_id LIMIT @limit
        """;

    public const string DeleteDeliveries = "DELETE FROM webhook_deliveries WHERE app_id = @app_id AND endpoint_id = @endpoint_id";

    public const string DeleteAttempts = "DELETE FROM webhook_attempts WHERE app_id = @app_id AND endpoint_id = @endpoint_id";

    public static string Page(bool after) => $"""
        SELECT event_id, event_type, created_at, status, next_attempt_at, payload, attempts, delivered_at, delivered_status_code, delivered_duration_ms
        FROM webhook_deliveries
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id
        {(after ? "AND event_id < @after_event" : "")}
        ORDER BY event_id DESC LIMIT @limit
        """;

    public const string AttemptsOfEvent = """
        SELECT attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempts
        WHERE app_id = @app_id AND endpoint_id = @endpoint_id AND event_id = @event_id
        ORDER BY attempt DESC
        """;
}
