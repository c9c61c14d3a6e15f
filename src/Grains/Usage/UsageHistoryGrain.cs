using Reservations.Grains.Tenants;

namespace Reservations.Grains.Usage;

/// <summary>
/// An app's usage by the hour. Two states, so that a usage flush costs one small write: the open hour
/// (<c>usage-hour</c>, written at every flush) and the closed hours (<c>usage-history</c>, written once
/// an hour, when the first flush of a new hour closes the previous one and drops hours past
/// <see cref="IUsageHistoryGrain.RetainedHours"/>).
/// </summary>
public sealed class UsageHistoryGrain(
    [PersistentState("usage-hour")] IPersistentState<UsageHourState> open,
    [PersistentState("usage-history")] IPersistentState<UsageHistoryState> closed,
    TimeProvider time) : Grain, IUsageHistoryGrain
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private List<UsagePoint> Closed => closed.State.Hours;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ForgetArchivedOpenHour();
        return Task.CompletedTask;
    }

    async Task IUsageHistoryGrain.RecordAsync(TenantUsage delta)
    {
        var now = HourOf(time.GetUtcNow());
        if (now > open.State.Start)
        {
            if (open.State.Usage != TenantUsage.Zero)
            {
                await CloseOpenHourAsync(now);
            }

            open.State.Start = now;
            open.State.Usage = TenantUsage.Zero;
        }

        // A clock that stepped back counts into the open hour: a closed hour is never reopened.
        open.State.Usage = open.State.Usage.Add(delta);
        try
        {
            await open.WriteStateAsync();
        }
        catch
        {
            await open.ReadStateAsync();
            ForgetArchivedOpenHour();
            throw;
        }
    }

    Task<UsageHistory> IUsageHistoryGrain.ReadAsync(DateTimeOffset from, DateTimeOffset to)
    {
        if (from >= to || to - from > TimeSpan.FromHours(IUsageHistoryGrain.MaxRangeHours))
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The range must be positive and at most {IUsageHistoryGrain.MaxRangeHours} hours.");
        }

        var oldest = HourOf(time.GetUtcNow()) - (Hour * (IUsageHistoryGrain.RetainedHours - 1));
        var byHour = new Dictionary<DateTimeOffset, TenantUsage>();
        foreach (var point in Closed.Append(new UsagePoint(open.State.Start, open.State.Usage)).Where(p => p.Start >= oldest && p.Start < to))
        {
            byHour[point.Start] = byHour.GetValueOrDefault(point.Start, TenantUsage.Zero).Add(point.Usage);
        }

        var points = new List<UsagePoint>();
        var totals = TenantUsage.Zero;
        for (var start = HourOf(from); start < to; start += Hour)
        {
            var usage = byHour.GetValueOrDefault(start, TenantUsage.Zero);
            points.Add(new UsagePoint(start, usage));
            totals = totals.Add(usage);
        }

        return Task.FromResult(new UsageHistory([.. points], totals));
    }

    private async Task CloseOpenHourAsync(DateTimeOffset now)
    {
        var hour = new UsagePoint(open.State.Start, open.State.Usage);
        var merged = Closed.Count > 0 && Closed[^1].Start == hour.Start;
        var previous = merged ? Closed[^1] : null;
        if (previous is not null)
        {
            Closed[^1] = previous with { Usage = previous.Usage.Add(hour.Usage) };
        }
        else
        {
            Closed.Add(hour);
        }

        var keepFrom = now - (Hour * (IUsageHistoryGrain.RetainedHours - 1));
        var expired = Closed.TakeWhile(p => p.Start < keepFrom).ToList();
        Closed.RemoveRange(0, expired.Count);
        try
        {
            await closed.WriteStateAsync();
        }
        catch
        {
            Closed.InsertRange(0, expired);
            if (previous is not null)
            {
                Closed[^1] = previous;
            }
            else
            {
                Closed.RemoveAt(Closed.Count - 1);
            }

            throw;
        }
    }

    // Closing an hour writes the closed hours first and the open one second: after a crash between
    // the two, the open hour's counts are already among the closed ones and must not count twice.
    private void ForgetArchivedOpenHour()
    {
        if (Closed.Count > 0 && Closed[^1].Start >= open.State.Start)
        {
            open.State.Usage = TenantUsage.Zero;
        }
    }

    private static DateTimeOffset HourOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}
