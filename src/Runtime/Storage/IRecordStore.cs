namespace Reservations.Runtime;

/// <summary>Reads the unique records grains wrote with their state. Writing goes through <see cref="IPersistentState{TState}"/>.</summary>
public interface IRecordStore
{
    /// <summary>One record, or null.</summary>
    Task<UniqueRecord?> GetAsync(string kind, string partition, string key, CancellationToken cancellationToken = default);

    /// <summary>A page of records, newest first (ties broken by partition and key).</summary>
    Task<IReadOnlyList<UniqueRecord>> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default);
}
