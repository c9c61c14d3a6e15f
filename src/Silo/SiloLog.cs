using Microsoft.Extensions.Logging;

namespace Reservations.Silo;

internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No silo of the cluster answers yet; trying again in {Pause}: {Reason}")]
    public static partial void ClusterNotReachable(ILogger logger, TimeSpan pause, string reason);
}
