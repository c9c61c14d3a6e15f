using Reservations.Runtime.Hosting;

namespace Reservations.Runtime.Tests.Storage;

/// <summary>
/// The contract every <see cref="ISiloStorage"/> keeps, run against each provider. Each test gets a
/// fresh database; <see cref="OpenStorage"/> may be called again for a second provider instance
/// over the same database.
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    private readonly List<ISiloStorage> _opened = [];

    /// <summary>A new provider instance over this test's database (the same one for in-memory).</summary>
    protected abstract ISiloStorage OpenStorage();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var storage in _opened.Distinct())
        {
            if (storage is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>Opens a provider and migrates its schema.</summary>
    protected async Task<ISiloStorage> MigratedStorageAsync()
    {
        var storage = Track(OpenStorage());
        await storage.MigrateAsync();
        return storage;
    }

    protected ISiloStorage Track(ISiloStorage storage)
    {
        _opened.Add(storage);
        return storage;
    }

    protected static GrainId NewGrain(string type = "seat") => new(type, Guid.NewGuid().ToString("N"));
}
