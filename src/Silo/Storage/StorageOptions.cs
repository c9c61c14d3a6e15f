using System.ComponentModel.DataAnnotations;

namespace Reservations.Silo.Storage;

/// <summary>Where the engine keeps grain state, reminders and the booking ledger (section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>"Sqlite" (the embedded default) or "Postgres" (ConnectionStrings:Postgres).</summary>
    [Required]
    [AllowedValues("Sqlite", "Postgres", "sqlite", "postgres")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The embedded store.</summary>
    [Required]
    public SqliteStorageOptions Sqlite { get; set; } = new();

    /// <summary>The PostgreSQL store.</summary>
    [Required]
    public PostgresStorageOptions Postgres { get; set; } = new();

    /// <summary>Whether the provider is PostgreSQL.</summary>
    public bool UsesPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Sqlite.Path))
        {
            yield return new ValidationResult("Storage:Sqlite:Path must name a file.", ["Sqlite:Path"]);
        }

        // The validator does not descend into nested objects by itself.
        var postgres = new List<ValidationResult>();
        Validator.TryValidateObject(Postgres, new ValidationContext(Postgres), postgres, validateAllProperties: true);
        foreach (var result in postgres)
        {
            yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(name => $"Postgres:{name}")]);
        }
    }
}

/// <summary>The embedded store (section "Storage:Sqlite").</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file, relative to the working directory.</summary>
    public string Path { get; set; } = "data/reservations.db";

    /// <summary>The folder beside the database: it also holds the generated JWT signing key.</summary>
    public string DataDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}

/// <summary>The PostgreSQL store (section "Storage:Postgres").</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>Whether the silo applies deploy/postgres/ at start; false where a migration job owns the schema (the silo then checks it).</summary>
    public bool ApplySchema { get; set; } = true;

    /// <summary>
    /// Connections this silo keeps to PostgreSQL, shared by grain state, reminders and the ledger.
    /// PostgreSQL does the most commits per second with few active connections per core; more only
    /// queue inside the server (docs/performance.md).
    /// </summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 8;
}
