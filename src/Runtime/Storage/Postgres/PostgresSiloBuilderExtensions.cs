using Reservations.Runtime.Hosting;

namespace Reservations.Runtime.Storage.Postgres;

/// <summary>Registers <see cref="PostgresStorage"/> as the silo's storage.</summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>Keeps state, records and reminders in the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static SiloBuilder UsePostgres(this SiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseStorage(_ => new PostgresStorage(connectionString));
    }
}
