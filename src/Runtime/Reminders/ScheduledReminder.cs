namespace Reservations.Runtime.Reminders;

/// <summary>A reminder this silo fires, with its next due time.</summary>
internal sealed class ScheduledReminder(ReminderEntry entry)
{
    public ReminderEntry Entry { get; set; } = entry;

    public DateTimeOffset NextDue { get; set; } = entry.StartAt;

    public bool InFlight { get; set; }

    /// <summary>The first tick of the schedule strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now)
    {
        var period = Entry.Period;
        if (now < Entry.StartAt)
        {
            return Entry.StartAt;
        }

        var ticks = (now - Entry.StartAt).Ticks / period.Ticks + 1;
        return Entry.StartAt + TimeSpan.FromTicks(ticks * period.Ticks);
    }
}
