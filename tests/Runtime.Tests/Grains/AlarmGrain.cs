namespace Reservations.Runtime.Tests.Grains;

public sealed class AlarmGrain(Probe probe) : Grain, IAlarmGrain
{
    private const string ReminderName = "alarm";

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Signal($"deactivated:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    Task IAlarmGrain.SetReminderAsync(TimeSpan dueTime) =>
        RegisterOrUpdateReminder(ReminderName, dueTime, TimeSpan.FromMinutes(1));

    Task IAlarmGrain.StartTimerAsync(TimeSpan period)
    {
        RegisterGrainTimer(_ =>
        {
            Interlocked.Increment(ref probe.TimerTicks);
            return Task.CompletedTask;
        }, period, period);
        return Task.CompletedTask;
    }

    Task IAlarmGrain.DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Events.Enqueue($"reminder:{GetPrimaryKeyString()}:{status.CurrentTickTime:O}");
        if (await GetReminder(reminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        probe.Signal($"reminder:{GetPrimaryKeyString()}");
    }
}
