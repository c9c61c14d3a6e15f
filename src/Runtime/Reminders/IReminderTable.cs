namespace Reservations.Runtime;

/// <summary>Durable storage of reminders, as Orleans' IReminderTable.</summary>
public interface IReminderTable
{
    /// <summary>Every stored reminder. A silo loads the ones it owns at start and on membership changes.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(CancellationToken cancellationToken = default);

    /// <summary>One reminder, or null.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a reminder; returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder if its ETag matches; false when it was gone or changed.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default);
}
