namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>One silo on a store of its own, shared by the tests of a class; each test seeds entities of its own.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    public GrainsCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await GrainsCluster.StartAsync(CreateStore());

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Cluster.Store.DisposeAsync();
    }

    protected abstract TestStore CreateStore();
}

/// <summary>On Orleans' memory storage, whose short response timeout (<see cref="TestStore.Memory"/>) suits quick calls only.</summary>
public sealed class MemoryClusterFixture : ClusterFixture
{
    protected override TestStore CreateStore() => TestStore.Memory();
}

/// <summary>On SQLite, with Orleans' usual response timeout: for grains whose calls hash passwords (PBKDF2, I7), which two busy cores may stretch past the memory store's.</summary>
public sealed class SqliteClusterFixture : ClusterFixture
{
    protected override TestStore CreateStore() => TestStore.Sqlite();
}
