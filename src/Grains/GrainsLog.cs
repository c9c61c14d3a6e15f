using Microsoft.Extensions.Logging;

namespace Reservations.Grains;

/// <summary>The grains' log events. Never pass a secret (key, password, token) to any of them.</summary>
internal static partial class GrainsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Usage flush failed; the counts are kept for the next flush")]
    public static partial void UsageFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "A stronger password hash for {Account} could not be stored; the next login tries again")]
    public static partial void RehashNotStored(ILogger logger, string account, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The holds of catalog page {Page} could not be saved before it deactivated")]
    public static partial void PageCheckpointFailed(ILogger logger, string page, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical, Message = "The ledger holds another booking for seat {SeatId} of app {AppId} than the seat's own ({BookingId}): investigate")]
    public static partial void LedgerConflict(ILogger logger, string appId, string seatId, string bookingId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Readiness: grain storage did not answer the probe's read")]
    public static partial void StorageProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Usage of app {AppId} is in its totals but could not be added to its hourly history")]
    public static partial void UsageHistoryNotRecorded(ILogger logger, string appId, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Webhook event {EventId} of app {AppId} was not delivered to endpoint {EndpointId} after {Attempts} attempts ({Error}); it can be replayed from the admin API")]
    public static partial void WebhookFailed(ILogger logger, string appId, string endpointId, string eventId, int attempts, string error);
}
