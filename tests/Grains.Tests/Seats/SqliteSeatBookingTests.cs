using Microsoft.Data.Sqlite;
using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.Sqlite;

namespace Reservations.Grains.Tests.Seats;

public sealed class SqliteSeatBookingTests : SeatBookingContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reservations-grains-tests", Guid.NewGuid().ToString("N"));

    protected override ISiloStorage OpenStorage() => new SqliteStorage(Path.Combine(_directory, "silo.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
