using Orleans.Storage;

namespace Reservations.Persistence.Tests;

/// <summary>What every grain storage provider must do, run against each provider we ship.</summary>
public abstract class GrainStorageContractTests<TSilo>(TSilo silo) : IClassFixture<TSilo> where TSilo : ProviderSilo
{
    private const string StateName = "probe";

    private IGrainStorage Storage => silo.Storage;

    private static GrainId NewGrain() => GrainId.Create("probe", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Read_NothingStored_NewStateNoETagNoRecord()
    {
        var state = new GrainState<ProbeState>();

        await Storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.NotNull(state.State);
        Assert.Equal(0, state.State!.Value);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_ThenRead_RoundTripsWithNewETag()
    {
        var grain = NewGrain();
        var written = new GrainState<ProbeState>(new ProbeState { Value = 7, Items = ["a", "b"] });

        await Storage.WriteStateAsync(StateName, grain, written);
        var firstETag = written.ETag;
        written.State!.Value = 8;
        await Storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);

        Assert.NotNull(firstETag);
        Assert.NotEqual(firstETag, written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(8, read.State!.Value);
        Assert.Equal(["a", "b"], read.State!.Items);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Write_StaleETag_RefusedAndStoredStateKept()
    {
        var grain = NewGrain();
        var first = new GrainState<ProbeState>(new ProbeState { Value = 1 });
        await Storage.WriteStateAsync(StateName, grain, first);
        var stale = new GrainState<ProbeState>(new ProbeState { Value = 2 }) { ETag = first.ETag, RecordExists = true };
        await Storage.WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));

        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(1, read.State!.Value);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_FirstWriteWhenARowExists_Refused()
    {
        // A stale duplicate activation that read nothing must not overwrite what another one wrote.
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<ProbeState>(new ProbeState { Value = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(StateName, grain, new GrainState<ProbeState>(new ProbeState { Value = 2 })));

        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(1, read.State!.Value);
    }

    [Fact]
    public async Task Write_TwentyConcurrentWritersWithOneETag_ExactlyOneWins()
    {
        var grain = NewGrain();
        var seed = new GrainState<ProbeState>(new ProbeState());
        await Storage.WriteStateAsync(StateName, grain, seed);

        var attempts = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            var state = new GrainState<ProbeState>(new ProbeState { Value = i }) { ETag = seed.ETag, RecordExists = true };
            try
            {
                await Storage.WriteStateAsync(StateName, grain, state);
                return i;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        }));
        var winners = (await Task.WhenAll(attempts)).Where(i => i != 0).ToList();

        var winner = Assert.Single(winners);
        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(winner, read.State!.Value);
    }

    [Fact]
    public async Task Read_TwoHundredAtOnce_EachGetsItsOwnGrainsState()
    {
        var stored = Enumerable.Range(1, 100).Select(_ => NewGrain()).ToList();
        var etags = await Task.WhenAll(stored.Select(async (grain, i) =>
        {
            var state = new GrainState<ProbeState>(new ProbeState { Value = i + 1 });
            await Storage.WriteStateAsync(StateName, grain, state);
            return state.ETag;
        }));
        var absent = Enumerable.Range(1, 50).Select(_ => NewGrain()).ToList();

        // Every stored grain twice (a batch may carry a key twice) and 50 grains never written, all at once.
        var keys = stored.Concat(stored).Concat(absent).ToList();
        var reads = await Task.WhenAll(keys.Select(grain => Task.Run(async () =>
        {
            var state = new GrainState<ProbeState>();
            await Storage.ReadStateAsync(StateName, grain, state);
            return (Grain: grain, State: state);
        })));

        foreach (var (grain, state) in reads)
        {
            var i = stored.IndexOf(grain);
            Assert.Equal(i + 1, state.State!.Value); // 0, a new state, for a grain never written
            Assert.Equal(i >= 0 ? etags[i] : null, state.ETag);
            Assert.Equal(i >= 0, state.RecordExists);
        }
    }

    [Fact]
    public async Task Clear_ThenReadAndWriteAgain()
    {
        var grain = NewGrain();
        var state = new GrainState<ProbeState>(new ProbeState { Value = 5 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var beforeClear = state.ETag;

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Value);
        Assert.NotEqual(beforeClear, state.ETag);
        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Value);

        state.State!.Value = 6;
        await Storage.WriteStateAsync(StateName, grain, state);
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(6, read.State!.Value);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Clear_StaleETag_RefusedAndStateKept()
    {
        var grain = NewGrain();
        var state = new GrainState<ProbeState>(new ProbeState { Value = 5 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<ProbeState>(new ProbeState()) { ETag = state.ETag, RecordExists = true };
        await Storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));

        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(5, read.State!.Value);
    }

    [Fact]
    public async Task StateNames_OfOneGrain_AreKeptApart()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("first", grain, new GrainState<ProbeState>(new ProbeState { Value = 1 }));
        await Storage.WriteStateAsync("second", grain, new GrainState<ProbeState>(new ProbeState { Value = 2 }));

        var first = new GrainState<ProbeState>();
        var second = new GrainState<ProbeState>();
        await Storage.ReadStateAsync("first", grain, first);
        await Storage.ReadStateAsync("second", grain, second);

        Assert.Equal(1, first.State!.Value);
        Assert.Equal(2, second.State!.Value);
    }

    [Fact]
    public async Task Write_LargeState_RoundTrips()
    {
        var grain = NewGrain();
        var big = new ProbeState { Items = [.. Enumerable.Range(0, 20_000).Select(i => $"seat-{i}")] };

        await Storage.WriteStateAsync(StateName, grain, new GrainState<ProbeState>(big));
        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal(big.Items, read.State!.Items);
    }
}

public sealed class SqliteGrainStorageTests(SqliteProviderSilo silo) : GrainStorageContractTests<SqliteProviderSilo>(silo);

public sealed class PostgresGrainStorageTests(PostgresProviderSilo silo) : GrainStorageContractTests<PostgresProviderSilo>(silo);
