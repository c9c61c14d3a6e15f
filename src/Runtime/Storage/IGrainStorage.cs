namespace Reservations.Runtime;

/// <summary>
/// Durable grain state with optimistic concurrency. A row is keyed by grain id and state name;
/// its ETag changes on every write. Every method is durable when its task completes.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored state, or null when there is none.</summary>
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state if the stored ETag equals <paramref name="expectedEtag"/> (null: no row may
    /// exist), and inserts <paramref name="record"/> in the same transaction when given.
    /// Returns the new ETag. Throws <see cref="InconsistentStateException"/> on an ETag mismatch
    /// and <see cref="DuplicateRecordException"/> when the record exists; then nothing is written.
    /// </summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedEtag, UniqueRecord? record = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state if its ETag matches; throws <see cref="InconsistentStateException"/> otherwise.</summary>
    Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default);
}
