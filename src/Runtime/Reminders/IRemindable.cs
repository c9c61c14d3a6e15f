namespace Reservations.Runtime;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called as a turn when a reminder is due. At least once per tick; possibly late by about a second.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
