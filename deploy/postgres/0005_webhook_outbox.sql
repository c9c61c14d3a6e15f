-- Reservations PostgreSQL schema, version 5: the webhook outbox. A row per (event, endpoint) with
-- its state (status 0 pending, 1 delivered, 2 failed) and next attempt; a row per attempt.
-- Idempotent.

CREATE TABLE IF NOT EXISTS webhook_deliveries (
    app_id text NOT NULL,
    endpoint_id text NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    payload text NOT NULL,
    created_at timestamptz NOT NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamptz,
    PRIMARY KEY (app_id, endpoint_id, event_id));

CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (app_id, endpoint_id, next_attempt_at) WHERE status = 0;
CREATE INDEX IF NOT EXISTS webhook_deliveries_recent ON webhook_deliveries (app_id, endpoint_id, created_at DESC, event_id DESC);

CREATE TABLE IF NOT EXISTS webhook_attempts (
    app_id text NOT NULL,
    endpoint_id text NOT NULL,
    event_id text NOT NULL,
    attempt integer NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code integer,
    error text,
    duration_ms integer NOT NULL,
    PRIMARY KEY (app_id, endpoint_id, event_id, attempt));

INSERT INTO reservations_schema (version, description) VALUES (5, 'webhook outbox')
ON CONFLICT (version) DO NOTHING;
