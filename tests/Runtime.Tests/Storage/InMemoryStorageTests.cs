using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.InMemory;

namespace Reservations.Runtime.Tests.Storage;

public sealed class InMemoryStorageTests : StorageContractTests
{
    private readonly InMemoryStorage _storage = new();

    // In memory there is no database to share, so a "second instance" is the same one.
    protected override ISiloStorage OpenStorage() => _storage;
}
