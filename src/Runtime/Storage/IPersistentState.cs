namespace Reservations.Runtime;

/// <summary>
/// A grain's durable state, injected into the grain's constructor and read before
/// <see cref="Grain.OnActivateAsync"/>. Writes use optimistic concurrency: a write whose ETag is
/// no longer the stored one throws <see cref="InconsistentStateException"/> and the activation
/// deactivates, so the next call reloads fresh state.
/// </summary>
public interface IPersistentState<TState> where TState : class, new()
{
    /// <summary>The in-memory state. Changes are durable only after a successful write.</summary>
    TState State { get; set; }

    /// <summary>The stored version this activation last read or wrote; null when no record exists.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state; when it returns, the write is durable.</summary>
    Task WriteStateAsync();

    /// <summary>
    /// Writes the state and inserts <paramref name="record"/> in the same storage transaction.
    /// If a record with the same kind, partition and key exists, nothing is written and
    /// <see cref="DuplicateRecordException"/> is thrown.
    /// </summary>
    Task WriteStateAsync(UniqueRecord record);

    /// <summary>Deletes the stored record and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync();
}
