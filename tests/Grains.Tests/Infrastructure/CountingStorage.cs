using Reservations.Runtime;
using Reservations.Runtime.Hosting;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>Delegates to another storage and counts what goes through it.</summary>
internal sealed class CountingStorage(ISiloStorage inner) : ISiloStorage
{
    private int _writes;
    private int _reads;
    private int _reminderWrites;

    public int Writes => Volatile.Read(ref _writes);

    public int Reads => Volatile.Read(ref _reads);

    public int ReminderWrites => Volatile.Read(ref _reminderWrites);

    public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadAsync(grainId, stateName, cancellationToken);
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedEtag, UniqueRecord? record = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.WriteAsync(grainId, stateName, json, expectedEtag, record, cancellationToken);
    }

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.ClearAsync(grainId, stateName, expectedEtag, cancellationToken);
    }

    public Task<UniqueRecord?> GetAsync(string kind, string partition, string key, CancellationToken cancellationToken = default) =>
        inner.GetAsync(kind, partition, key, cancellationToken);

    public Task<IReadOnlyList<UniqueRecord>> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(CancellationToken cancellationToken = default) => inner.ReadRowsAsync(cancellationToken);

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadRowAsync(grainId, name, cancellationToken);
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reminderWrites);
        return inner.UpsertRowAsync(entry, cancellationToken);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reminderWrites);
        return inner.RemoveRowAsync(grainId, name, etag, cancellationToken);
    }
}
