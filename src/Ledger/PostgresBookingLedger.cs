using System.Collections.Immutable;
using Npgsql;
using Reservations.Grains.Bookings;
using Reservations.Grains.Seats;

namespace Reservations.Ledger;

/// <summary>
/// The ledger in PostgreSQL (table bookings of deploy/postgres/0003_bookings.sql); rows are inserted
/// in batches (<see cref="PostgresBatcher{T}"/>).
/// </summary>
public sealed class PostgresBookingLedger(NpgsqlDataSource dataSource) : IBookingLedger, IAsyncDisposable
{
    private readonly PostgresBatcher<Booking> _inserts = PostgresLedgerBatcher.Create(dataSource);

    /// <inheritdoc />
    public Task RecordAsync(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return _inserts.EnqueueAsync(booking);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inserts.DisposeAsync();

    /// <inheritdoc />
    public async Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds)
    {
        await using var command = dataSource.CreateCommand("SELECT seat_id FROM bookings WHERE app_id = @app_id AND seat_id = ANY(@seat_ids)");
        command.Parameters.AddWithValue("app_id", appId);
        command.Parameters.AddWithValue("seat_ids", seatIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var booked = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            booked.Add(reader.GetString(0));
        }

        return booked.ToImmutable();
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand();
        command.CommandText = LedgerSql.Select(query, (name, value) => command.Parameters.AddWithValue(name, value), time => time);
        await using var reader = await command.ExecuteReaderAsync();
        var page = ImmutableArray.CreateBuilder<Booking>();
        while (await reader.ReadAsync())
        {
            page.Add(new Booking(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetDecimal(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return page.ToImmutable();
    }
}
