using System.ComponentModel.DataAnnotations;

namespace Reservations.Runtime.Hosting;

/// <summary>Settings of a silo (configuration section "Silo").</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>How long a grain call may take, queueing included, before the caller gets a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for this long is deactivated, so memory follows the working set.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a graceful stop waits for activations to deactivate (wall-clock time); stragglers are dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often due reminders are fired: their precision.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReminderTickPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often reminders registered by other processes are read from storage.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
