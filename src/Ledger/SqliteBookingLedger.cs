using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;
using Reservations.Persistence.Sqlite;

namespace Reservations.Ledger;

/// <summary>
/// The ledger in the silo's SQLite file. Its inserts join the same group commit as grain state, so a
/// booking costs no fsync of its own under load. Times are microseconds since the Unix epoch, prices
/// exact decimal text.
/// </summary>
public sealed class SqliteBookingLedger(SqliteDatabase database) : IBookingLedger, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The schema steps of the "bookings" module.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE bookings (
            booking_id TEXT NOT NULL,
            app_id TEXT NOT NULL,
            seat_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            seat_number TEXT NOT NULL,
            price TEXT NOT NULL,
            user_id TEXT NOT NULL,
            payment_id TEXT NOT NULL,
            booked_at INTEGER NOT NULL,
            PRIMARY KEY (app_id, seat_id)) WITHOUT ROWID;
        CREATE INDEX bookings_by_user ON bookings (app_id, user_id, booked_at DESC, seat_id);
        CREATE INDEX bookings_by_app ON bookings (app_id, booked_at DESC, seat_id);
        CREATE INDEX bookings_by_time ON bookings (booked_at DESC, app_id, seat_id);
        """,
        "CREATE INDEX bookings_by_entity ON bookings (app_id, entity_id, booked_at DESC, seat_id);",
        "ALTER TABLE bookings ADD COLUMN category TEXT;",
    ];

    private const string Insert = $"""
        INSERT INTO bookings ({LedgerSql.Columns})
        VALUES (@booking_id, @app_id, @seat_id, @entity_id, @seat_number, @price, @user_id, @payment_id, @booked_at, @category)
        ON CONFLICT (app_id, seat_id) DO NOTHING
        """;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteBookingLedger), ServiceLifecycleStage.RuntimeStorageServices, _ => database.MigrateAsync("bookings", Schema));

    /// <inheritdoc />
    public Task RecordAsync(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return database.WriteAsync(transaction =>
        {
            using var insert = transaction.Command(Insert);
            insert.Parameters.AddWithValue("@booking_id", booking.BookingId);
            insert.Parameters.AddWithValue("@app_id", booking.AppId);
            insert.Parameters.AddWithValue("@seat_id", booking.SeatId);
            insert.Parameters.AddWithValue("@entity_id", booking.EntityId);
            insert.Parameters.AddWithValue("@seat_number", booking.SeatNumber);
            insert.Parameters.AddWithValue("@price", booking.Price.ToString(CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("@user_id", booking.UserId);
            insert.Parameters.AddWithValue("@payment_id", booking.PaymentId);
            insert.Parameters.AddWithValue("@booked_at", Microseconds(booking.BookedAt));
            insert.Parameters.AddWithValue("@category", (object?)booking.Category ?? DBNull.Value);
            if (insert.ExecuteNonQuery() == 1)
            {
                return true;
            }

            using var existing = transaction.Command(LedgerSql.SelectBookingId);
            existing.Parameters.AddWithValue("@app_id", booking.AppId);
            existing.Parameters.AddWithValue("@seat_id", booking.SeatId);
            return (string?)existing.ExecuteScalar() == booking.BookingId ? true : throw new LedgerConflictException(booking.AppId, booking.SeatId);
        });
    }

    /// <inheritdoc />
    public Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds) => Task.FromResult(database.Read(connection =>
    {
        using var command = connection.Command("SELECT seat_id FROM bookings WHERE app_id = @app_id AND seat_id IN (SELECT value FROM json_each(@seat_ids))");
        command.Parameters.AddWithValue("@app_id", appId);
        command.Parameters.AddWithValue("@seat_ids", JsonSerializer.Serialize(seatIds, LedgerJsonContext.Default.IReadOnlyCollectionString));
        using var reader = command.ExecuteReader();
        var booked = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            booked.Add(reader.GetString(0));
        }

        return booked.ToImmutable();
    }));

    /// <inheritdoc />
    public Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query) => Task.FromResult(database.Read(connection =>
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = connection.CreateCommand(); // its SQL varies with the query: not one to keep
        command.CommandText = LedgerSql.Select(query, (name, value) => command.Parameters.AddWithValue(name, value), time => Microseconds(time));
        using var reader = command.ExecuteReader();
        var page = ImmutableArray.CreateBuilder<Booking>();
        while (reader.Read())
        {
            page.Add(new Booking(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                decimal.Parse(reader.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture),
                reader.GetString(6),
                reader.GetString(7),
                DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(8) * TimeSpan.TicksPerMicrosecond),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return page.ToImmutable();
    }));

    private static long Microseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}
