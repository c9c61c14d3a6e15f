using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Reservations.Silo.Storage;

/// <summary>
/// The PostgreSQL schema of deploy/postgres/, embedded in this assembly: files <c>NNNN_name.sql</c>,
/// each idempotent and recording its version in <c>reservations_schema</c>. <see cref="ApplyAsync"/>
/// applies the missing ones in order, in one transaction under an advisory lock, so processes that
/// start together apply each once.
/// </summary>
public static class PostgresSchema
{
    // Any fixed number: every process migrating this database takes the same lock.
    private const long MigrationLockKey = 0x5265_7365_7276_02;
    private const string ResourcePrefix = "Reservations.Silo.Postgres.";

    private static readonly IReadOnlyList<(int Version, string Name, string Sql)> Files = LoadFiles();

    /// <summary>The version this build needs: the number of the last file.</summary>
    public static int CurrentVersion => Files[^1].Version;

    /// <summary>Applies every file the database has not recorded (a gap left by hand included).</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await ReadVersionsAsync(connection, transaction, cancellationToken);
        foreach (var file in Files.Where(f => !applied.Contains(f.Version)))
        {
            await using var apply = new NpgsqlCommand(file.Sql, connection, transaction);
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Fails unless the database has every file of this build (for deployments where a migration job owns the schema).</summary>
    public static async Task EnsureCurrentAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = await ReadVersionsAsync(connection, null, cancellationToken);
        var missing = Files.Where(f => !applied.Contains(f.Version)).Select(f => f.Version.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL schema lacks file(s) {string.Join(", ", missing)} of deploy/postgres/ that this build needs. Apply deploy/postgres/*.sql "
                + "(for f in deploy/postgres/*.sql; do psql -v ON_ERROR_STOP=1 -1 -f \"$f\"; done), or set Storage:Postgres:ApplySchema=true.");
        }
    }

    private static async Task<HashSet<int>> ReadVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('reservations_schema') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return versions;
            }
        }

        await using var command = new NpgsqlCommand("SELECT version FROM reservations_schema", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static List<(int, string, string)> LoadFiles()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.AsSpan(ResourcePrefix.Length, 4), CultureInfo.InvariantCulture), Name: name, Sql: Read(assembly, name)))
            .OrderBy(f => f.Version)
            .ToList();
        return files.Count > 0 && files.Select(f => f.Version).SequenceEqual(Enumerable.Range(1, files.Count))
            ? files
            : throw new InvalidOperationException("deploy/postgres must hold files 0001_*.sql, 0002_*.sql, ... with no gaps.");
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
