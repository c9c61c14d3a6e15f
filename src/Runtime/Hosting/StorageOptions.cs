using System.ComponentModel.DataAnnotations;

namespace Reservations.Runtime.Hosting;

/// <summary>Where the engine keeps its state (section "Storage").</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Storage";

    /// <summary>"Sqlite" (the embedded default) or "Postgres" (ConnectionStrings:Postgres).</summary>
    [Required]
    [AllowedValues("Sqlite", "Postgres", "sqlite", "postgres")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the SQLite file lives.</summary>
    [Required]
    public SqliteStorageOptions Sqlite { get; set; } = new();

    /// <summary>Whether the provider is PostgreSQL.</summary>
    public bool UsesPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The embedded store (section "Storage:Sqlite").</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file, relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/reservations.db";

    /// <summary>The folder beside the database: it also holds the generated JWT signing key.</summary>
    public string DataDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
