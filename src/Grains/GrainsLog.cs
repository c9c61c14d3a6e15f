using Microsoft.Extensions.Logging;

namespace Reservations.Grains;

internal static partial class GrainsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Usage flush failed; the counts are kept for the next flush")]
    public static partial void UsageFlushFailed(ILogger logger, Exception exception);
}
