-- Reservations PostgreSQL schema, version 7: grain state written by the engine's own provider
-- (PostgresGrainStorage), which commits the writes of many grains together. One row per (service,
-- grain id, state name); version is the ETag; a cleared state keeps its row with no payload.
-- orleans_grain_state (version 1) stays: a grain whose state is only there is read from it until it
-- first writes here. Idempotent: safe to apply again.

CREATE TABLE IF NOT EXISTS grain_state (
    service_id text NOT NULL,
    grain_id text NOT NULL,
    state_name text NOT NULL,
    payload bytea NULL,
    version bigint NOT NULL,
    modified_at timestamptz NOT NULL,
    PRIMARY KEY (service_id, grain_id, state_name)
) WITH (fillfactor = 80); -- room on each page, so that rewriting a state is a heap-only update

INSERT INTO reservations_schema (version, description) VALUES (7, 'grain state, group-committed')
ON CONFLICT (version) DO NOTHING;
