namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>Delegates to another reminder table and counts the writes (upserts and removals) that reach it.</summary>
internal sealed class CountingReminderTable(IReminderTable inner) : IReminderTable
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        Interlocked.Increment(ref _writes);
        return inner.UpsertRow(entry);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        Interlocked.Increment(ref _writes);
        return inner.RemoveRow(grainId, reminderName, eTag);
    }

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}
