using Reservations.Runtime;
using Reservations.Runtime.Storage.InMemory;
using Reservations.TestingHost;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>A one-silo cluster on in-memory storage, started and stopped per test.</summary>
public abstract class OneSiloTests : IAsyncLifetime
{
    protected OneSiloTests()
    {
        Cluster = GrainsTestCluster.Create(() => Storage);
    }

    protected InMemoryStorage Storage { get; } = new();

    protected TestCluster Cluster { get; }

    protected IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.StartSiloAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync().AsTask();
}
