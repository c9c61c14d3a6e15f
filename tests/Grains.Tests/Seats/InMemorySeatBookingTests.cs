using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.InMemory;

namespace Reservations.Grains.Tests.Seats;

public sealed class InMemorySeatBookingTests : SeatBookingContractTests
{
    private readonly InMemoryStorage _storage = new();

    protected override ISiloStorage OpenStorage() => _storage;
}
