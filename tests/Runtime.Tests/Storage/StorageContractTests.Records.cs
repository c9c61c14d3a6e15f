using Reservations.Runtime.Hosting;

namespace Reservations.Runtime.Tests.Storage;

public abstract partial class StorageContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _kind = $"booking-{Guid.NewGuid():N}";

    [Fact]
    public async Task Write_WithRecord_StoresStateAndRecord()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var record = Record("APP-1", "seat-1", "user-1", T0);

        var etag = await storage.WriteAsync(grain, State, "booked", null, record);

        Assert.Equal(new StoredState("booked", etag), await storage.ReadAsync(grain, State));
        Assert.Equal(record, await storage.GetAsync(_kind, "APP-1", "seat-1"));
        Assert.Null(await storage.GetAsync(_kind, "APP-1", "seat-2"));
    }

    [Fact]
    public async Task Write_DuplicateRecord_ThrowsAndWritesNeither()
    {
        var storage = await MigratedStorageAsync();
        var first = Record("APP-1", "seat-1", "user-1", T0);
        await storage.WriteAsync(NewGrain(), State, "booked", null, first);
        var grain = NewGrain();
        var etag = await storage.WriteAsync(grain, State, "held", null);

        var error = await Assert.ThrowsAsync<DuplicateRecordException>(() =>
            storage.WriteAsync(grain, State, "booked", etag, first with { Owner = "user-2", Payload = """{"v":2}""" }));

        Assert.Equal("seat-1", error.Record.Key);
        Assert.Equal(new StoredState("held", etag), await storage.ReadAsync(grain, State));
        Assert.Equal(first, await storage.GetAsync(_kind, "APP-1", "seat-1"));
        Assert.NotEqual(etag, await storage.WriteAsync(grain, State, "next", etag));
    }

    [Fact]
    public async Task Write_DuplicateRecordOnInsert_CreatesNoState()
    {
        var storage = await MigratedStorageAsync();
        var record = Record("APP-1", "seat-1", "user-1", T0);
        await storage.WriteAsync(NewGrain(), State, "booked", null, record);
        var grain = NewGrain();

        await Assert.ThrowsAsync<DuplicateRecordException>(() => storage.WriteAsync(grain, State, "booked", null, record));

        Assert.Null(await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Get_CreatedAtWithSubMicrosecondTicks_ReturnsWholeMicroseconds()
    {
        var storage = await MigratedStorageAsync();
        var createdAt = T0.AddTicks(1_234_567).ToOffset(TimeSpan.FromHours(2));
        await storage.WriteAsync(NewGrain(), State, "x", null, Record("APP-1", "seat-1", null, createdAt));

        var stored = await storage.GetAsync(_kind, "APP-1", "seat-1");

        Assert.Equal(createdAt.AddTicks(-7), stored!.CreatedAt);
        Assert.Null(stored.Owner);
    }

    [Fact]
    public async Task Query_Filters_MatchPartitionOwnerAndHalfOpenTimeRange()
    {
        var storage = await MigratedStorageAsync();
        UniqueRecord[] records =
        [
            Record("APP-1", "s1", "ann", T0),
            Record("APP-1", "s2", "bob", T0.AddMinutes(1)),
            Record("APP-1", "s3", "ann", T0.AddMinutes(2)),
            Record("APP-2", "s1", "ann", T0.AddMinutes(3)),
        ];
        await StoreAsync(storage, records);
        await storage.WriteAsync(NewGrain(), State, "x", null, Record("APP-1", "s9", "ann", T0) with { Kind = $"{_kind}-other" });

        Assert.Equal([records[3], records[2], records[1], records[0]], await storage.QueryAsync(new RecordQuery(_kind)));
        Assert.Equal([records[2], records[1], records[0]], await storage.QueryAsync(new RecordQuery(_kind, Partition: "APP-1")));
        Assert.Equal([records[3], records[2], records[0]], await storage.QueryAsync(new RecordQuery(_kind, Owner: "ann")));
        Assert.Equal([records[2], records[0]], await storage.QueryAsync(new RecordQuery(_kind, "APP-1", "ann")));
        Assert.Equal([records[2], records[1]], await storage.QueryAsync(new RecordQuery(_kind, From: T0.AddMinutes(1), To: T0.AddMinutes(3))));
        Assert.Equal([records[3], records[2]], await storage.QueryAsync(new RecordQuery(_kind, From: T0.AddMinutes(1).AddTicks(1))));
        Assert.Equal([records[3]], await storage.QueryAsync(new RecordQuery(_kind, Limit: 1)));
        Assert.Empty(await storage.QueryAsync(new RecordQuery(_kind, Partition: "APP-3")));
    }

    [Fact]
    public async Task Query_KeysetPagingOverTiedTimes_ReturnsEveryRecordOnceInOrder()
    {
        var storage = await MigratedStorageAsync();
        string[] partitions = ["APP-b", "APP-B", "APP-a"];
        string[] keys = ["k1", "K1", "k2", "a", "Z"];
        var records = (from second in Enumerable.Range(0, 3)
                       from partition in partitions
                       from key in keys
                       select Record(partition, $"{key}-{second}", "ann", T0.AddSeconds(second))).ToList();
        await StoreAsync(storage, records);
        var expected = records
            .OrderByDescending(r => r.CreatedAt)
            .ThenBy(r => r.Partition, StringComparer.Ordinal)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

        var pages = new List<UniqueRecord>();
        UniqueRecord? before = null;
        while (true)
        {
            var page = await storage.QueryAsync(new RecordQuery(_kind, Before: before, Limit: 4));
            Assert.InRange(page.Count, 0, 4);
            if (page.Count == 0)
            {
                break;
            }

            pages.AddRange(page);
            before = page[^1];
        }

        Assert.Equal(expected, pages);
    }

    private UniqueRecord Record(string partition, string key, string? owner, DateTimeOffset createdAt) =>
        new(_kind, partition, key, owner, createdAt, $$"""{"seat":"{{key}}"}""");

    private static async Task StoreAsync(ISiloStorage storage, IEnumerable<UniqueRecord> records)
    {
        foreach (var record in records)
        {
            await storage.WriteAsync(NewGrain(), State, "booked", null, record);
        }
    }

    [Fact]
    public async Task Write_RefusedWritesBatchedWithOthers_OnlyTheRefusedAreUndone()
    {
        var storage = await MigratedStorageAsync();
        var booked = new UniqueRecord("booking", "APP-1", "seat-1", "user-1", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "{}");
        await storage.WriteAsync(NewGrain(), "state", "first", null, booked);
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrain()).ToList();
        var duplicateOwner = NewGrain();

        var writes = grains.Select(g => storage.WriteAsync(g, "state", "ok", null)).ToList();
        var duplicate = storage.WriteAsync(duplicateOwner, "state", "second", null, booked with { Owner = "user-2" });
        var stale = storage.WriteAsync(grains[0], "state", "stale", "12345");

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<DuplicateRecordException>(() => duplicate);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        foreach (var grain in grains)
        {
            Assert.Equal("ok", (await storage.ReadAsync(grain, "state"))?.Json);
        }

        Assert.Null(await storage.ReadAsync(duplicateOwner, "state"));
        Assert.Equal("user-1", (await storage.GetAsync("booking", "APP-1", "seat-1"))?.Owner);
    }
}
