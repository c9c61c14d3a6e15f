-- Reservations PostgreSQL schema, version 3: the booking ledger behind /my-bookings and
-- /admin/bookings. The seat grain's state decides a booking; this table records it, and its primary
-- key is the database's own UNIQUE (app, seat): a second line under the seat grain (I2). Idempotent.
-- "C" collation: keys order by code point, as the keyset cursor expects.

CREATE TABLE IF NOT EXISTS bookings (
    booking_id text NOT NULL,
    app_id text COLLATE "C" NOT NULL,
    seat_id text COLLATE "C" NOT NULL,
    entity_id text COLLATE "C" NOT NULL,
    seat_number text NOT NULL,
    price numeric NOT NULL,
    user_id text COLLATE "C" NOT NULL,
    payment_id text NOT NULL,
    booked_at timestamptz NOT NULL,
    PRIMARY KEY (app_id, seat_id)
);
CREATE INDEX IF NOT EXISTS bookings_by_user ON bookings (app_id, user_id, booked_at DESC, seat_id);
CREATE INDEX IF NOT EXISTS bookings_by_app ON bookings (app_id, booked_at DESC, seat_id);
CREATE INDEX IF NOT EXISTS bookings_by_time ON bookings (booked_at DESC, app_id, seat_id);

INSERT INTO reservations_schema (version, description) VALUES (3, 'booking ledger')
ON CONFLICT (version) DO NOTHING;
