using Npgsql;
using NpgsqlTypes;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Ledger;

/// <summary>The ledger's batched insert (<see cref="PostgresBatcher{T}"/>): one INSERT of every booking in the batch.</summary>
internal static class PostgresLedgerBatcher
{
    private const string InsertBatch = $"""
        INSERT INTO bookings ({LedgerSql.Columns})
        SELECT * FROM unnest(@booking_id, @app_id, @seat_id, @entity_id, @seat_number, @price, @user_id, @payment_id, @booked_at, @category)
        ON CONFLICT (app_id, seat_id) DO NOTHING
        RETURNING app_id, seat_id, booking_id
        """;

    public static PostgresBatcher<Booking> Create(NpgsqlDataSource dataSource) => new(dataSource, WriteAsync);

    private static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<PostgresBatcher<Booking>.Pending> batch)
    {
        var inserted = await InsertAsync(connection, batch);
        foreach (var pending in batch)
        {
            var booking = pending.Item;
            var recorded = inserted.TryGetValue((booking.AppId, booking.SeatId), out var bookingId)
                ? bookingId
                : await ExistingBookingIdAsync(connection, booking); // was there before this batch
            if (recorded == booking.BookingId)
            {
                pending.Done.TrySetResult();
            }
            else
            {
                pending.Done.TrySetException(new LedgerConflictException(booking.AppId, booking.SeatId));
            }
        }
    }
    private static async Task<Dictionary<(string AppId, string SeatId), string>> InsertAsync(NpgsqlConnection connection, IReadOnlyList<PostgresBatcher<Booking>.Pending> batch)
    {
        await using var insert = new NpgsqlCommand(InsertBatch, connection);
        Add(insert, "booking_id", batch, booking => booking.BookingId);
        Add(insert, "app_id", batch, booking => booking.AppId);
        Add(insert, "seat_id", batch, booking => booking.SeatId);
        Add(insert, "entity_id", batch, booking => booking.EntityId);
        Add(insert, "seat_number", batch, booking => booking.SeatNumber);
        Add(insert, "price", batch, booking => booking.Price, NpgsqlDbType.Numeric);
        Add(insert, "user_id", batch, booking => booking.UserId);
        Add(insert, "payment_id", batch, booking => booking.PaymentId);
        Add(insert, "booked_at", batch, booking => booking.BookedAt, NpgsqlDbType.TimestampTz);
        Add(insert, "category", batch, booking => booking.Category);

        var inserted = new Dictionary<(string, string), string>(batch.Count);
        await using var reader = await insert.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            inserted[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return inserted;
    }

    private static void Add<T>(NpgsqlCommand command, string name, IReadOnlyList<PostgresBatcher<Booking>.Pending> batch, Func<Booking, T> column, NpgsqlDbType type = NpgsqlDbType.Text) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = [.. batch.Select(pending => column(pending.Item))] });

    private static async Task<string?> ExistingBookingIdAsync(NpgsqlConnection connection, Booking booking)
    {
        await using var select = new NpgsqlCommand(LedgerSql.SelectBookingId, connection);
        select.Parameters.AddWithValue("app_id", booking.AppId);
        select.Parameters.AddWithValue("seat_id", booking.SeatId);
        return (string?)await select.ExecuteScalarAsync();
    }
}
