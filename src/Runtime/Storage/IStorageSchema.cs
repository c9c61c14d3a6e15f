namespace Reservations.Runtime;

/// <summary>Creates and migrates a provider's schema. Idempotent, and safe when several processes start at once.</summary>
public interface IStorageSchema
{
    /// <summary>Brings the schema to the current version.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
