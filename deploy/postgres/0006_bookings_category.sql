-- Reservations PostgreSQL schema, version 6: the category a booking's seat was sold in (null for a
-- seat seeded without one). Idempotent.

ALTER TABLE bookings ADD COLUMN IF NOT EXISTS category TEXT;

INSERT INTO reservations_schema (version, description) VALUES (6, 'bookings category')
ON CONFLICT (version) DO NOTHING;
