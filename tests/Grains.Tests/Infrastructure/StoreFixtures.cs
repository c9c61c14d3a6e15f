namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>A store for the tests of one class, made once, shared by its tests (each seeds entities of its own).</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected abstract Task<TestStore> CreateAsync();
}

public sealed class SqliteStoreFixture : StoreFixture
{
    protected override Task<TestStore> CreateAsync() => Task.FromResult(TestStore.Sqlite());
}

public sealed class PostgresStoreFixture : StoreFixture
{
    protected override Task<TestStore> CreateAsync() => TestStore.PostgresAsync();
}
