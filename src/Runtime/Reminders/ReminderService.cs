using Reservations.Runtime.Activation;
using Reservations.Runtime.Scheduling;

namespace Reservations.Runtime.Reminders;

/// <summary>
/// Fires durable reminders. The table is the truth; this silo keeps the reminders of the grains it
/// owns in memory, fires each due one as a <see cref="IRemindable.ReceiveReminder"/> turn, and
/// re-reads the table periodically (so reminders survive restarts and silo loss). A tick that
/// fails or is lost is fired again: at least once.
/// </summary>
internal sealed class ReminderService(GrainRuntime runtime, IReminderTable table)
{
    private static readonly Func<Grain, object?[], Task> Receive =
        static (grain, args) => ((IRemindable)grain).ReceiveReminder((string)args[0]!, (TickStatus)args[1]!);

    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), ScheduledReminder> _scheduled = [];

    // Keys changed here while a refresh was reading the table: its snapshot is older for them.
    private readonly Dictionary<(GrainId, string), long> _changedAt = [];
    private long _changes;
    private ITimer? _tickTimer;
    private ITimer? _refreshTimer;
    private int _refreshing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        var options = runtime.Options;
        _tickTimer = runtime.TimeProvider.CreateTimer(static s => ((ReminderService)s!).FireDue(), this, options.ReminderTickPeriod, options.ReminderTickPeriod);
        _refreshTimer = runtime.TimeProvider.CreateTimer(static s => _ = ((ReminderService)s!).RefreshInBackgroundAsync(), this, options.ReminderRefreshPeriod, options.ReminderRefreshPeriod);
    }

    public void Stop()
    {
        _tickTimer?.Dispose();
        _refreshTimer?.Dispose();
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var entry = new ReminderEntry(grainId, name, runtime.TimeProvider.GetUtcNow() + dueTime, period);
        var etag = await table.UpsertRowAsync(entry);
        lock (_lock)
        {
            _scheduled[(grainId, name)] = new ScheduledReminder(entry with { Etag = etag });
            _changedAt[(grainId, name)] = ++_changes;
        }

        return new GrainReminder(name);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        var name = reminder.ReminderName;
        string? knownEtag;
        lock (_lock)
        {
            knownEtag = _scheduled.GetValueOrDefault((grainId, name))?.Entry.Etag;
        }

        // The ETag this silo wrote is usually still the stored one: one round trip instead of two.
        var removed = knownEtag is not null && await table.RemoveRowAsync(grainId, name, knownEtag);
        for (var attempt = 0; !removed && attempt < 3; attempt++)
        {
            var stored = await table.ReadRowAsync(grainId, name);
            removed = stored is null || await table.RemoveRowAsync(grainId, name, stored.Etag!);
        }

        lock (_lock)
        {
            _scheduled.Remove((grainId, name));
            _changedAt[(grainId, name)] = ++_changes;
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name) =>
        await table.ReadRowAsync(grainId, name) is null ? null : new GrainReminder(name);

    /// <summary>Re-reads the table: picks up reminders written elsewhere, forgets removed ones.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        long snapshot;
        lock (_lock)
        {
            snapshot = _changes;
        }

        var entries = await table.ReadRowsAsync(cancellationToken);
        lock (_lock)
        {
            bool IsNewerHere((GrainId, string) key) => _changedAt.TryGetValue(key, out var at) && at > snapshot;

            var seen = new HashSet<(GrainId, string)>();
            foreach (var entry in entries.Where(e => runtime.IsLocallyOwned(e.GrainId)))
            {
                var key = (entry.GrainId, entry.Name);
                seen.Add(key);
                if (!IsNewerHere(key) && (!_scheduled.TryGetValue(key, out var known) || known.Entry.Etag != entry.Etag))
                {
                    _scheduled[key] = new ScheduledReminder(entry);
                }
            }

            foreach (var key in _scheduled.Keys.Where(k => !seen.Contains(k) && !IsNewerHere(k)).ToList())
            {
                _scheduled.Remove(key);
            }

            foreach (var key in _changedAt.Where(c => c.Value <= snapshot).Select(c => c.Key).ToList())
            {
                _changedAt.Remove(key);
            }
        }
    }

    private async Task RefreshInBackgroundAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            await RefreshAsync();
        }
        catch (Exception exception)
        {
            RuntimeLog.ReminderRefreshFailed(runtime.Logger, exception);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private void FireDue()
    {
        var now = runtime.TimeProvider.GetUtcNow();
        List<ScheduledReminder> due;
        lock (_lock)
        {
            due = _scheduled.Values.Where(r => !r.InFlight && r.NextDue <= now).ToList();
            foreach (var reminder in due)
            {
                reminder.InFlight = true;
            }
        }

        foreach (var reminder in due)
        {
            Fire(reminder, now);
        }
    }

    private void Fire(ScheduledReminder reminder, DateTimeOffset now)
    {
        var entry = reminder.Entry;
        var status = new TickStatus(entry.StartAt, entry.Period, reminder.NextDue);
        var turn = new Turn<NoResult>(Receive, [entry.Name, status], runtime.NewDeadline());
        runtime.Dispatch(entry.GrainId, turn);
        turn.Task.ContinueWith(
            task =>
            {
                if (task.IsFaulted)
                {
                    RuntimeLog.ReminderFailed(runtime.Logger, task.Exception!, entry.GrainId, entry.Name);
                }

                lock (_lock)
                {
                    reminder.NextDue = reminder.NextAfter(now);
                    reminder.InFlight = false;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
