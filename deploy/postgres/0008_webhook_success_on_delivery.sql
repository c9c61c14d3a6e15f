-- Reservations PostgreSQL schema, version 8: a delivery's successful attempt is kept on its own row,
-- so that an event delivered at once costs one insert and one update; webhook_attempts keeps the
-- failed attempts. Deliveries are listed in event id order (UUIDv7: creation order) through the
-- primary key, so the index by created_at goes: one write fewer per event. Idempotent.

ALTER TABLE webhook_deliveries
    ADD COLUMN IF NOT EXISTS delivered_at timestamptz,
    ADD COLUMN IF NOT EXISTS delivered_status_code integer,
    ADD COLUMN IF NOT EXISTS delivered_duration_ms integer;

DROP INDEX IF EXISTS webhook_deliveries_recent;

INSERT INTO reservations_schema (version, description) VALUES (8, 'webhook success on the delivery row')
ON CONFLICT (version) DO NOTHING;
