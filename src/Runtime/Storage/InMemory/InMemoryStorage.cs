using System.Globalization;
using Reservations.Runtime.Hosting;
using Reservations.Runtime.Storage.Sql;

namespace Reservations.Runtime.Storage.InMemory;

/// <summary>
/// State, records and reminders in process memory, for runtime unit tests only. One lock makes a
/// state write and its record one atomic step, as a transaction does in the SQL providers.
/// </summary>
public sealed class InMemoryStorage : ISiloStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), StoredState> _states = [];
    private readonly Dictionary<(string, string, string), UniqueRecord> _records = [];
    private readonly Dictionary<(GrainId, string), ReminderEntry> _reminders = [];
    private long _version;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.GetValueOrDefault((grainId, stateName)));
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedEtag, UniqueRecord? record = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // Refusals are faulted tasks, never synchronous throws, as with the SQL providers.
            if (EtagMismatch(grainId, stateName, expectedEtag) is { } mismatch)
            {
                return Task.FromException<string>(mismatch);
            }

            record = record is null ? null : record with { CreatedAt = Microseconds.Truncate(record.CreatedAt) };
            if (record is not null && !_records.TryAdd((record.Kind, record.Partition, record.Key), record))
            {
                return Task.FromException<string>(new DuplicateRecordException(record));
            }

            var etag = NextEtag();
            _states[(grainId, stateName)] = new StoredState(json, etag);
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (EtagMismatch(grainId, stateName, expectedEtag) is { } mismatch)
            {
                return Task.FromException(mismatch);
            }

            _states.Remove((grainId, stateName));
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<UniqueRecord?> GetAsync(string kind, string partition, string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault((kind, partition, key)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UniqueRecord>> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<UniqueRecord> page = _records.Values
                .Where(r => r.Kind == query.Kind
                    && (query.Partition is null || r.Partition == query.Partition)
                    && (query.Owner is null || r.Owner == query.Owner)
                    && (query.From is null || r.CreatedAt >= query.From)
                    && (query.To is null || r.CreatedAt < query.To)
                    && (query.Before is null || RecordOrder.IsAfter(r, query.Before)))
                .OrderBy(r => r, RecordOrder.NewestFirst)
                .Take(query.Limit)
                .ToList();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(_reminders.Values.ToList());
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_reminders.GetValueOrDefault((grainId, name)));
        }
    }

    /// <inheritdoc />
    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var etag = NextEtag();
            _reminders[(entry.GrainId, entry.Name)] = entry with { Etag = etag };
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveRowAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var removed = _reminders.TryGetValue((grainId, name), out var stored)
                && stored.Etag == etag
                && _reminders.Remove((grainId, name));
            return Task.FromResult(removed);
        }
    }

    private InconsistentStateException? EtagMismatch(GrainId grainId, string stateName, string? expectedEtag)
    {
        var storedEtag = _states.GetValueOrDefault((grainId, stateName))?.Etag;
        return storedEtag == expectedEtag
            ? null
            : new InconsistentStateException($"State {stateName} of {grainId}: expected version {expectedEtag ?? "none"}, stored {storedEtag ?? "none"}.");
    }

    private string NextEtag() => (++_version).ToString(CultureInfo.InvariantCulture);
}
