namespace Reservations.Runtime.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Reminder_UpsertThenRead_ReturnsEntryWithEtag()
    {
        var storage = await MigratedStorageAsync();
        var entry = new ReminderEntry(NewGrain(), "expire", T0.AddTicks(1_234_560), TimeSpan.FromMilliseconds(1500));

        var etag = await storage.UpsertRowAsync(entry);

        Assert.Equal(entry with { Etag = etag }, await storage.ReadRowAsync(entry.GrainId, "expire"));
        Assert.Null(await storage.ReadRowAsync(entry.GrainId, "other"));
    }

    [Fact]
    public async Task Reminder_UpsertExisting_ReplacesEntryAndChangesEtag()
    {
        var storage = await MigratedStorageAsync();
        var entry = new ReminderEntry(NewGrain(), "expire", T0, TimeSpan.FromMinutes(1));
        var first = await storage.UpsertRowAsync(entry);

        var replaced = entry with { StartAt = T0.AddMinutes(5), Period = TimeSpan.FromSeconds(2) };
        var second = await storage.UpsertRowAsync(replaced);

        Assert.NotEqual(first, second);
        Assert.Equal(replaced with { Etag = second }, await storage.ReadRowAsync(entry.GrainId, "expire"));
    }

    [Fact]
    public async Task Reminder_ReadRows_ReturnsEveryReminder()
    {
        var storage = await MigratedStorageAsync();
        var type = $"seat-{Guid.NewGuid():N}";
        var entries = new List<ReminderEntry>();
        foreach (var entry in Enumerable.Range(0, 5).Select(i => new ReminderEntry(NewGrain(type), $"r{i}", T0.AddSeconds(i), TimeSpan.FromSeconds(i + 1))))
        {
            entries.Add(entry with { Etag = await storage.UpsertRowAsync(entry) });
        }

        var stored = (await storage.ReadRowsAsync()).Where(e => e.GrainId.Type == type).OrderBy(e => e.Name, StringComparer.Ordinal);

        Assert.Equal(entries, stored);
    }

    [Fact]
    public async Task Reminder_RemoveWithStaleEtag_ReturnsFalseAndKeepsIt()
    {
        var storage = await MigratedStorageAsync();
        var entry = new ReminderEntry(NewGrain(), "expire", T0, TimeSpan.FromMinutes(1));
        var first = await storage.UpsertRowAsync(entry);
        var second = await storage.UpsertRowAsync(entry);

        Assert.False(await storage.RemoveRowAsync(entry.GrainId, "expire", first));
        Assert.False(await storage.RemoveRowAsync(entry.GrainId, "expire", "not-a-version"));
        Assert.False(await storage.RemoveRowAsync(entry.GrainId, "missing", second));

        Assert.Equal(entry with { Etag = second }, await storage.ReadRowAsync(entry.GrainId, "expire"));
    }

    [Fact]
    public async Task Reminder_RemoveWithEtag_RemovesIt()
    {
        var storage = await MigratedStorageAsync();
        var entry = new ReminderEntry(NewGrain(), "expire", T0, TimeSpan.FromMinutes(1));
        var etag = await storage.UpsertRowAsync(entry);

        Assert.True(await storage.RemoveRowAsync(entry.GrainId, "expire", etag));

        Assert.Null(await storage.ReadRowAsync(entry.GrainId, "expire"));
        Assert.False(await storage.RemoveRowAsync(entry.GrainId, "expire", etag));
    }
}
