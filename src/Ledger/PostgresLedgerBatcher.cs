using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Ledger;

/// <summary>
/// Inserts ledger rows in batches: every booking that arrives while a batch is being committed goes
/// into the next one, one INSERT and one commit for all of them. Under load a booking then costs the
/// ledger a fraction of a commit instead of one (docs/performance.md); alone, it is one round trip.
/// </summary>
internal sealed class PostgresLedgerBatcher : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private const string InsertBatch = $"""
        INSERT INTO bookings ({LedgerSql.Columns})
        SELECT * FROM unnest(@booking_id, @app_id, @seat_id, @entity_id, @seat_number, @price, @user_id, @payment_id, @booked_at)
        ON CONFLICT (app_id, seat_id) DO NOTHING
        RETURNING app_id, seat_id, booking_id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public PostgresLedgerBatcher(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writer = Task.Run(WriteBatchesAsync);
    }

    /// <summary>Completes once the booking's row is committed, or was already there with the same booking id.</summary>
    public Task RecordAsync(Booking booking)
    {
        var pending = new Pending(booking);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresLedgerBatcher));
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var inserted = await InsertAsync(connection, batch);
        foreach (var pending in batch)
        {
            var booking = pending.Booking;
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

    private static async Task<Dictionary<(string AppId, string SeatId), string>> InsertAsync(NpgsqlConnection connection, List<Pending> batch)
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

        var inserted = new Dictionary<(string, string), string>(batch.Count);
        await using var reader = await insert.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            inserted[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return inserted;
    }

    private static void Add<T>(NpgsqlCommand command, string name, List<Pending> batch, Func<Booking, T> column, NpgsqlDbType type = NpgsqlDbType.Text) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = [.. batch.Select(pending => column(pending.Booking))] });

    private static async Task<string?> ExistingBookingIdAsync(NpgsqlConnection connection, Booking booking)
    {
        await using var select = new NpgsqlCommand(LedgerSql.SelectBookingId, connection);
        select.Parameters.AddWithValue("app_id", booking.AppId);
        select.Parameters.AddWithValue("seat_id", booking.SeatId);
        return (string?)await select.ExecuteScalarAsync();
    }

    private sealed record Pending(Booking Booking)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
