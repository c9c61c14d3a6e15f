using System.Security.Cryptography;
using System.Text;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// What a batching endpoint receives: one request with a JSON array of the events' own bodies, up to
/// <see cref="MaxEvents"/>. Its webhook-id names exactly that set of events, so a retry of the same
/// events carries the same id and a request with other events another one (docs/webhooks.md).
/// </summary>
internal static class WebhookBatch
{
    /// <summary>The most events one request carries.</summary>
    public const int MaxEvents = 100;

    public static string Body(IReadOnlyList<DueWebhook> deliveries)
    {
        var body = new StringBuilder(deliveries.Sum(d => d.Payload.Length + 1) + 1).Append('[');
        for (var i = 0; i < deliveries.Count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append(deliveries[i].Payload);
        }

        return body.Append(']').ToString();
    }

    /// <summary>"batch_" and 32 hex digits of SHA-256 over the events' ids in the order sent.</summary>
    public static string Id(IReadOnlyList<DueWebhook> deliveries)
    {
        var ids = string.Join(',', deliveries.Select(d => d.EventId));
        return "batch_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)), 0, 16);
    }
}
