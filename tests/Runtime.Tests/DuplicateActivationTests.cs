using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.InMemory;
using Reservations.Runtime.Storage.Postgres;
using Reservations.Runtime.Storage.Sqlite;
using Reservations.Runtime.Tests.Grains;
using Reservations.TestingHost;

namespace Reservations.Runtime.Tests;

/// <summary>
/// R1: two runtimes that both activate one grain over one database. The stale activation's write
/// is refused by its ETag; it deactivates, and its next call reloads and succeeds.
/// </summary>
public abstract class DuplicateActivationTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private TestCluster _cluster = null!;

    protected abstract Task<Func<ISiloStorage>> CreateStorageAsync();

    public virtual async Task InitializeAsync()
    {
        _cluster = RuntimeTestCluster.Create(await CreateStorageAsync(), _probe);
        await _cluster.StartSiloAsync();
        await _cluster.StartSiloAsync();
    }

    public virtual async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task DuplicateActivation_StaleWriter_IsRefusedThenRecoversWithFreshState()
    {
        var onFirst = _cluster.Silos[0].GrainFactory.GetGrain<IStoredCounterGrain>("shared");
        var onSecond = _cluster.Silos[1].GrainFactory.GetGrain<IStoredCounterGrain>("shared");
        Assert.Equal(1, await onFirst.IncrementAsync());
        Assert.Equal(2, await onSecond.IncrementAsync());

        await Assert.ThrowsAsync<InconsistentStateException>(() => onFirst.IncrementAsync());

        Assert.Equal(3, await onFirst.IncrementAsync());
        Assert.Single(_probe.Events, e => e == "deactivated:InconsistentState");
    }
}

public sealed class InMemoryDuplicateActivationTests : DuplicateActivationTests
{
    protected override Task<Func<ISiloStorage>> CreateStorageAsync()
    {
        var storage = new InMemoryStorage();
        return Task.FromResult<Func<ISiloStorage>>(() => storage);
    }
}

public sealed class SqliteDuplicateActivationTests : DuplicateActivationTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reservations-tests", Guid.NewGuid().ToString("N"));

    protected override Task<Func<ISiloStorage>> CreateStorageAsync() =>
        Task.FromResult<Func<ISiloStorage>>(() => new SqliteStorage(Path.Combine(_directory, "silo.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

public sealed class PostgresDuplicateActivationTests : DuplicateActivationTests
{
    private PostgresDatabase? _database;

    protected override async Task<Func<ISiloStorage>> CreateStorageAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        var connectionString = _database.ConnectionString;
        return () => new PostgresStorage(connectionString);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
