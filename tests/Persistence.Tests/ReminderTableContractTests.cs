namespace Reservations.Persistence.Tests;

/// <summary>What every reminder table must do, run against each provider we ship.</summary>
public abstract class ReminderTableContractTests<TSilo>(TSilo silo) : IClassFixture<TSilo> where TSilo : ProviderSilo
{
    private IReminderTable Table => silo.Reminders;

    private static GrainId NewGrain() => GrainId.Create("probe", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    // Every provider keeps at least milliseconds.
    private static DateTime Milliseconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    [Fact]
    public async Task Upsert_ThenReadRow_RoundTripsWithETag()
    {
        var grain = NewGrain();
        var startAt = Milliseconds(DateTime.UtcNow.AddMinutes(2));

        var etag = await Table.UpsertRow(Entry(grain, "expiry", startAt, TimeSpan.FromMinutes(1)));
        var row = await Table.ReadRow(grain, "expiry");

        Assert.NotNull(etag);
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("expiry", row.ReminderName);
        Assert.Equal(startAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
        Assert.Equal(etag, row.ETag);
    }

    [Fact]
    public async Task Upsert_Again_UpdatesAndChangesETag()
    {
        var grain = NewGrain();
        var first = await Table.UpsertRow(Entry(grain, "r", Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(1)));

        var later = Milliseconds(DateTime.UtcNow.AddHours(1));
        var second = await Table.UpsertRow(Entry(grain, "r", later, TimeSpan.FromMinutes(5)));

        Assert.NotEqual(first, second);
        var row = await Table.ReadRow(grain, "r");
        Assert.Equal(later, row!.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(second, row.ETag);
    }

    [Fact]
    public async Task RemoveRow_CurrentETagOnce_StaleOrRepeatRefused()
    {
        var grain = NewGrain();
        var stale = await Table.UpsertRow(Entry(grain, "r", Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(1)));
        var current = await Table.UpsertRow(Entry(grain, "r", Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(2)));

        Assert.False(await Table.RemoveRow(grain, "r", stale!));
        Assert.NotNull(await Table.ReadRow(grain, "r"));
        Assert.True(await Table.RemoveRow(grain, "r", current!));
        Assert.Null(await Table.ReadRow(grain, "r"));
        Assert.False(await Table.RemoveRow(grain, "r", current!));
    }

    [Fact]
    public async Task ReadRows_OfGrain_ReturnsItsRemindersOnly()
    {
        var grain = NewGrain();
        var other = NewGrain();
        await Table.UpsertRow(Entry(grain, "a", Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Entry(grain, "b", Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Entry(other, "a", Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(1)));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    public static TheoryData<uint, uint> Ranges => new()
    {
        { 0x1000_0000, 0x6000_0000 },   // inside the lower half
        { 0x7000_0000, 0x9000_0000 },   // across the signed boundary
        { 0xA000_0000, 0x2000_0000 },   // wrapping past zero
        { 0x4000_0000, 0x4000_0000 },   // begin == end: the whole ring
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task ReadRows_HashRange_ReturnsExactlyTheGrainsInIt(uint begin, uint end)
    {
        // A name of our own, so that rows of other tests in the shared table can be told apart.
        var name = "range-" + Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, name, Milliseconds(DateTime.UtcNow), TimeSpan.FromMinutes(1)));
        }

        var rows = await Table.ReadRows(begin, end);

        var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).ToHashSet();
        var actual = rows.Reminders.Where(r => r.ReminderName == name).Select(r => r.GrainId).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.True(expected.SetEquals(actual), $"expected {expected.Count} grains in ({begin:X8}, {end:X8}], read {actual.Count}");
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}

public sealed class SqliteReminderTableTests(SqliteProviderSilo silo) : ReminderTableContractTests<SqliteProviderSilo>(silo);

public sealed class PostgresReminderTableTests(PostgresProviderSilo silo) : ReminderTableContractTests<PostgresProviderSilo>(silo);
