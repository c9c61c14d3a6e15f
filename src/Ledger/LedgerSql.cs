using System.Text;
using Reservations.Grains.Bookings;

namespace Reservations.Ledger;

/// <summary>The SQL both ledgers share: the columns, the newest-first order and its keyset cursor.</summary>
internal static class LedgerSql
{
    public const string Columns = "booking_id, app_id, seat_id, entity_id, seat_number, price, user_id, payment_id, booked_at, category";

    public const string SelectBookingId = "SELECT booking_id FROM bookings WHERE app_id = @app_id AND seat_id = @seat_id";

    /// <summary>
    /// The query's SQL; <paramref name="add"/> receives each parameter, times already in the
    /// database's form through <paramref name="time"/>. Only the filters the query sets reach the SQL,
    /// so each shape uses its index.
    /// </summary>
    public static string Select(BookingQuery query, Action<string, object> add, Func<DateTimeOffset, object> time)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM bookings WHERE TRUE");
        if (query.AppId is not null)
        {
            sql.Append(" AND app_id = @app_id");
            add("@app_id", query.AppId);
        }

        if (query.UserId is not null)
        {
            sql.Append(" AND user_id = @user_id");
            add("@user_id", query.UserId);
        }

        if (query.EntityId is not null)
        {
            sql.Append(" AND entity_id = @entity_id");
            add("@entity_id", query.EntityId);
        }

        // Stored times are whole microseconds: a bound rounded up to one keeps >= From and < To exact.
        if (query.From is { } from)
        {
            sql.Append(" AND booked_at >= @from");
            add("@from", time(CeilingMicrosecond(from)));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND booked_at < @to");
            add("@to", time(CeilingMicrosecond(to)));
        }

        if (query.After is { } after)
        {
            // The leading booked_at <= @after_at is implied by the rest; alone it is an index bound, so a
            // later page starts where the previous one ended instead of scanning past it.
            sql.Append(" AND booked_at <= @after_at AND (booked_at < @after_at OR (booked_at = @after_at AND (app_id > @after_app OR (app_id = @after_app AND seat_id > @after_seat))))");
            add("@after_at", time(after.BookedAt));
            add("@after_app", after.AppId);
            add("@after_seat", after.SeatId);
        }

        sql.Append(" ORDER BY booked_at DESC, app_id, seat_id LIMIT @limit");
        add("@limit", query.Limit);
        return sql.ToString();
    }

    private static DateTimeOffset CeilingMicrosecond(DateTimeOffset time)
    {
        var remainder = time.UtcTicks % TimeSpan.TicksPerMicrosecond;
        return new DateTimeOffset(time.UtcTicks - remainder + (remainder == 0 ? 0 : TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
