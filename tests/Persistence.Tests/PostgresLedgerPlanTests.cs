using Npgsql;
using Reservations.Grains.Bookings;
using Reservations.Ledger;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

/// <summary>
/// Every filter of /admin/bookings reads a page in order from an index on PostgreSQL: no sequential
/// scan and no sort, on a table of 50,000 bookings the planner has statistics for, where each filter
/// matches thousands (a filter matching few rows may rightly be read from its index and sorted).
/// </summary>
public sealed class PostgresLedgerPlanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private PostgresWithSchema? _postgres;

    private NpgsqlDataSource DataSource => _postgres!.DataSource;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresWithSchema.CreateAsync();
        await using var fill = DataSource.CreateCommand("""
            INSERT INTO bookings (booking_id, app_id, seat_id, entity_id, seat_number, price, user_id, payment_id, booked_at)
            SELECT 'b-' || n, 'app-' || (n % 2), 'e-' || (n % 4) || ':' || n, 'e-' || (n % 4), 'S' || n, 10, 'U-' || (n % 10), 'p-' || n,
                   @noon + n * interval '1 second'
            FROM generate_series(1, 50000) AS n;
            ANALYZE bookings;
            """);
        fill.Parameters.AddWithValue("noon", Noon);
        await fill.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _postgres!.DisposeAsync();

    // The index a shape must use; "bookings_by_" where more than one serves it in order: with a time
    // bound (a range or a cursor's), or an app holding half the table, the planner may rightly walk
    // bookings_by_time and check the app there (their costs tie, and ANALYZE's sample decides).
    public static TheoryData<string, string?, string?, string?, bool, bool> Shapes => new()
    {
        { "bookings_by_", "app-1", null, null, false, false },
        { "bookings_by_", "app-1", null, null, false, true },
        { "bookings_by_", "app-1", null, null, true, true },
        { "bookings_by_entity", "app-1", "e-1", null, false, false },
        { "bookings_by_", "app-1", "e-1", null, false, true },
        { "bookings_by_", "app-1", "e-1", null, true, true },
        { "bookings_by_user", "app-1", null, "U-1", false, false },
        { "bookings_by_", "app-1", null, "U-1", false, true },
        { "bookings_by_", "app-1", "e-1", "U-1", false, false },
        { "bookings_by_time", null, null, null, false, true },
        { "bookings_by_time", null, null, null, true, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Query_EveryFilterShape_AnIndexScanInPageOrder(string index, string? appId, string? entityId, string? userId, bool range, bool after)
    {
        var query = new BookingQuery(
            appId,
            userId,
            range ? Noon.AddHours(1) : null,
            range ? Noon.AddHours(10) : null,
            after ? new BookingCursor(Noon.AddHours(5), appId ?? "app-0", "e-0:18000") : null,
            50,
            entityId);
        await using var explain = DataSource.CreateCommand();
        explain.CommandText = "EXPLAIN " + LedgerSql.Select(query, (name, value) => explain.Parameters.AddWithValue(name, value), time => time);

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join("\n", plan);
        Assert.True(text.Contains(index, StringComparison.Ordinal), text);
        Assert.False(text.Contains("Seq Scan", StringComparison.Ordinal), text);
        Assert.False(text.Contains("Sort", StringComparison.Ordinal), text);
    }
}
