using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Core;

/// <summary>
/// Confirms a hold and, while the answer is 503 or none at all (a silo or a gateway went away), sends the same confirm
/// again: same token, same paymentId, so the engine may book once at most and must answer every repeat with that booking.
/// </summary>
public sealed class ConfirmRetrier(TenantClient client, int maxRetries, TimeSpan retryAfterCap)
{
    /// <summary>Every reply, the first one and each retry's, in order.</summary>
    public async Task<IReadOnlyList<ConfirmReply>> ConfirmAsync(
        Meter meter, UserSession user, string reservationToken, string paymentId, CancellationToken abort)
    {
        var reply = await client.ConfirmAsync(meter, user, reservationToken, paymentId, abort);
        if (!IsRetryable(reply))
        {
            return [reply];
        }

        var replies = new List<ConfirmReply>(maxRetries + 1) { reply };
        for (var retry = 0; retry < maxRetries && IsRetryable(reply); retry++)
        {
            await Task.Delay(BusyRetryPause.Before(retry, reply.RetryAfter, retryAfterCap), abort);
            meter.RecordConfirmRetry();
            reply = await client.ConfirmAsync(meter, user, reservationToken, paymentId, abort);
            replies.Add(reply);
        }

        if (IsRetryable(reply))
        {
            meter.RecordConfirmGivenUp();
        }

        return replies;
    }

    private static bool IsRetryable(ConfirmReply reply) => reply.Status is 0 or 503;
}
