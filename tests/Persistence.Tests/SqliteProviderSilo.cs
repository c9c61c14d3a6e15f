using Reservations.Persistence.Sqlite;

namespace Reservations.Persistence.Tests;

/// <summary>Our SQLite providers, on a file in a fresh temporary folder.</summary>
public sealed class SqliteProviderSilo : ProviderSilo
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reservations-persistence-");

    public string DatabasePath => Path.Combine(_folder.FullName, "silo.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    protected override void ConfigureProvider(ISiloBuilder silo) => silo.UseSqlite(DatabasePath);
}
