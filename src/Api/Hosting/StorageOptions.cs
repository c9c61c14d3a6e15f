using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Hosting;

/// <summary>Where the engine keeps its state (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required]
    [AllowedValues("Sqlite", "Postgres", "sqlite", "postgres")]
    public string Provider { get; set; } = "Sqlite";

    [Required]
    public SqliteStorageOptions Sqlite { get; set; } = new();

    public bool UsesPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The embedded store (section "Storage:Sqlite").</summary>
public sealed class SqliteStorageOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/reservations.db";

    /// <summary>The folder beside the database: it also holds the generated JWT signing key.</summary>
    public string DataDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
