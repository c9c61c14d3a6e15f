using Microsoft.Extensions.Logging;

namespace Reservations.Silo;

internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No silo of the cluster answers yet; trying again in {Pause}: {Reason}")]
    public static partial void ClusterNotReachable(ILogger logger, TimeSpan pause, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Created the webhook signing key {Path}: keep it with the database, or set Webhooks:SigningKey")]
    public static partial void WebhookKeyCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The silo has one CPU: under a sustained sale, gen2 garbage collections stop it for seconds; give it at least two (docs/operations.md, CPUs)")]
    public static partial void OneProcessor(ILogger logger);
}
