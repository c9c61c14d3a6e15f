-- Reservations PostgreSQL schema, version 8: a delivery's successful attempt is kept on its own row,
-- so that an event delivered at once costs one insert and one update; webhook_attempts keeps the
-- failed attempts. Idempotent.

ALTER TABLE webhook_deliveries
    ADD COLUMN IF NOT EXISTS delivered_at timestamptz,
    ADD COLUMN IF NOT EXISTS delivered_status_code integer,
    ADD COLUMN IF NOT EXISTS delivered_duration_ms integer;

INSERT INTO reservations_schema (version, description) VALUES (8, 'webhook success on the delivery row')
ON CONFLICT (version) DO NOTHING;
