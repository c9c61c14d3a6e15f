using Microsoft.Extensions.Logging;

namespace Reservations.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Error, "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Warning, "Deactivation of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Warning, "A timer of {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} failed; it fires again")]
    public static partial void ReminderFailed(ILogger logger, Exception exception, GrainId grainId, string reminderName);

    [LoggerMessage(5, LogLevel.Warning, "Reading the reminder table failed; retrying next period")]
    public static partial void ReminderRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Silo {Silo} started")]
    public static partial void SiloStarted(ILogger logger, SiloAddress silo);

    [LoggerMessage(7, LogLevel.Information, "Silo {Silo} stopped; {Count} activations deactivated")]
    public static partial void SiloStopped(ILogger logger, SiloAddress silo, int count);
}
