using System.Globalization;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// Event ids: <c>evt_</c> + a UUIDv7 in 32 lowercase hex digits, whose first 12 are the Unix
/// milliseconds of its creation. Ids therefore sort by creation time as plain strings, which the
/// outbox uses twice: its rows append at the end of its keys (one dirty page per batch, not one per
/// row), and old rows are found by a range of the primary key, with no index on time.
/// </summary>
public static class WebhookEventIds
{
    private const string Prefix = "evt_";

    /// <summary>A new id, created at <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now) => Prefix + Guid.CreateVersion7(now).ToString("N");

    /// <summary>An id below every id created at or after <paramref name="time"/> and above every id created before it.</summary>
    public static string CreatedBefore(DateTimeOffset time) =>
        Prefix + time.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture);
}
