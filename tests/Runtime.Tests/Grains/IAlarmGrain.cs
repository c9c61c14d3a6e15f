namespace Reservations.Runtime.Tests.Grains;

public interface IAlarmGrain : IGrainWithStringKey, IRemindable
{
    Task SetReminderAsync(TimeSpan dueTime);

    Task StartTimerAsync(TimeSpan period);

    Task DeactivateAsync();
}
