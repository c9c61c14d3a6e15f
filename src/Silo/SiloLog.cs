using Microsoft.Extensions.Logging;

namespace Reservations.Silo;

internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No silo of the cluster answers yet; trying again in {Pause}: {Reason}")]
    public static partial void ClusterNotReachable(ILogger logger, TimeSpan pause, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Created the webhook signing key {Path}: keep it with the database, or set Webhooks:SigningKey")]
    public static partial void WebhookKeyCreated(ILogger logger, string path);
}
