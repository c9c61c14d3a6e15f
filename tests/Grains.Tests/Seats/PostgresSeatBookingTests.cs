using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.Postgres;
using Reservations.TestingHost;

namespace Reservations.Grains.Tests.Seats;

public sealed class PostgresSeatBookingTests : SeatBookingContractTests
{
    private PostgresDatabase? _database;

    protected override ISiloStorage OpenStorage() => new PostgresStorage(_database!.ConnectionString);

    public override async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
