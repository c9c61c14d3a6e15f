namespace Reservations.Runtime.Tests.Storage;

public abstract partial class StorageContractTests
{
    private const string State = "state";

    [Fact]
    public async Task Read_MissingState_ReturnsNull()
    {
        var storage = await MigratedStorageAsync();

        Assert.Null(await storage.ReadAsync(NewGrain(), State));
    }

    [Fact]
    public async Task Write_NullEtagThenRead_ReturnsJsonAndEtag()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();

        var etag = await storage.WriteAsync(grain, State, """{"n":1}""", null);

        Assert.Equal(new StoredState("""{"n":1}""", etag), await storage.ReadAsync(grain, State));
        Assert.Null(await storage.ReadAsync(grain, "other"));
    }

    [Fact]
    public async Task Write_MatchingEtag_StoresJsonAndChangesEtag()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var first = await storage.WriteAsync(grain, State, "1", null);

        var second = await storage.WriteAsync(grain, State, "2", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new StoredState("2", second), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Write_StaleEtag_ThrowsAndChangesNothing()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var first = await storage.WriteAsync(grain, State, "1", null);
        var second = await storage.WriteAsync(grain, State, "2", first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "3", first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "3", "not-a-version"));

        Assert.Equal(new StoredState("2", second), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Write_NullEtagWhenStateExists_ThrowsAndChangesNothing()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(grain, State, "1", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "2", null));

        Assert.Equal(new StoredState("1", etag), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Write_EtagWhenNoStateExists_Throws()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "1", "1"));

        Assert.Null(await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Clear_MatchingEtag_DeletesState()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(grain, State, "1", null);

        await storage.ClearAsync(grain, State, etag);

        Assert.Null(await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Clear_StaleOrNullEtag_ThrowsAndKeepsState()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var first = await storage.WriteAsync(grain, State, "1", null);
        var second = await storage.WriteAsync(grain, State, "2", first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, State, first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(grain, State, null));

        Assert.Equal(new StoredState("2", second), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Write_EtagFromBeforeClear_IsRefusedAfterReinsert()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var old = await storage.WriteAsync(grain, State, "old", null);
        await storage.ClearAsync(grain, State, old);
        var fresh = await storage.WriteAsync(grain, State, "fresh", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(grain, State, "stale", old));

        Assert.Equal(new StoredState("fresh", fresh), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Write_HundredConcurrentWritersWithOneEtag_ExactlyOneWins()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(grain, State, "start", null);

        var outcomes = await RaceAsync(100, i => storage.WriteAsync(grain, State, $"writer {i}", etag));

        var winner = Assert.Single(outcomes, o => o.Etag is not null);
        Assert.All(outcomes.Where(o => o.Etag is null), o => Assert.IsType<InconsistentStateException>(o.Error));
        Assert.Equal(new StoredState($"writer {winner.Index}", winner.Etag!), await storage.ReadAsync(grain, State));
    }

    [Fact]
    public async Task Write_HundredConcurrentInserts_ExactlyOneWins()
    {
        var storage = await MigratedStorageAsync();
        var grain = NewGrain();

        var outcomes = await RaceAsync(100, i => storage.WriteAsync(grain, State, $"writer {i}", null));

        var winner = Assert.Single(outcomes, o => o.Etag is not null);
        Assert.All(outcomes.Where(o => o.Etag is null), o => Assert.IsType<InconsistentStateException>(o.Error));
        Assert.Equal(new StoredState($"writer {winner.Index}", winner.Etag!), await storage.ReadAsync(grain, State));
    }

    /// <summary>Starts every writer on its own thread pool task behind one gate, so they really overlap.</summary>
    private static async Task<WriteOutcome[]> RaceAsync(int writers, Func<int, Task<string>> write)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return new WriteOutcome(i, await write(i), null);
            }
            catch (InconsistentStateException e)
            {
                return new WriteOutcome(i, null, e);
            }
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    private sealed record WriteOutcome(int Index, string? Etag, Exception? Error);
}
