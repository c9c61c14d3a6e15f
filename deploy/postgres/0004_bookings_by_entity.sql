-- Reservations PostgreSQL schema, version 4: an index for /admin/bookings filtered by an app's
-- entity, so such a page is read in order from an index like the other filters. Idempotent.

CREATE INDEX IF NOT EXISTS bookings_by_entity ON bookings (app_id, entity_id, booked_at DESC, seat_id);

INSERT INTO reservations_schema (version, description) VALUES (4, 'bookings by entity')
ON CONFLICT (version) DO NOTHING;
