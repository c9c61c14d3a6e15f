namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>One silo on Orleans' memory storage, shared by the tests of a class; each test seeds entities of its own.</summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    public GrainsCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await GrainsCluster.StartAsync(TestStore.Memory());

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Cluster.Store.DisposeAsync();
    }
}
