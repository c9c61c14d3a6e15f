using Reservations.Runtime.Hosting;

namespace Reservations.Runtime.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteStorage"/> as the silo's storage.</summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>Keeps state, records and reminders in the SQLite file at <paramref name="databasePath"/>.</summary>
    public static SiloBuilder UseSqlite(this SiloBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return builder.UseStorage(_ => new SqliteStorage(databasePath));
    }
}
