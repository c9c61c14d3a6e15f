using Npgsql;

namespace Reservations.TestSupport;

/// <summary>
/// The PostgreSQL server the tests run against: the one <c>scripts/test.sh</c> starts and names in
/// <see cref="Variable"/>. Tests never skip when it is missing; they fail and say how to run them.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable holding the server's admin connection string.</summary>
    public const string Variable = "RESERVATIONS_TEST_POSTGRES";

    /// <summary>The admin connection string; throws with instructions when the variable is unset.</summary>
    public static string AdminConnectionString => TestServers.Require(Variable, "PostgreSQL");

    /// <summary>Creates an empty database named <c>test_&lt;random&gt;</c>; disposing it drops it.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString;
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // An identifier cannot be a parameter; the name is ours: "test_" and 32 hex digits.
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgresDatabase(admin, name, connectionString);
    }
}
