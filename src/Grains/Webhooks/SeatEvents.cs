using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// The events of a seat's change, one per type some endpoint of the app subscribed to, each naming
/// those endpoints. The body is the envelope docs/webhooks.md shows:
/// <c>{id, type, createdAt, appId, data: {seatId, entityId, seatNumber, userId, …}}</c>.
/// </summary>
internal static class SeatEvents
{
    /// <summary>The events of a hold that ended unconfirmed: the seat stores them when it is freed.</summary>
    public const WebhookEventTypes HoldLapsed = WebhookEventTypes.HoldExpired | WebhookEventTypes.SeatReleased;

    /// <summary>The events, or null when no endpoint wants any of <paramref name="types"/>.</summary>
    public static WebhookEvent[]? Create(
        ImmutableArray<WebhookEndpoint> endpoints, WebhookEventTypes types, SeatDefinition seat, string userId, DateTimeOffset? heldUntil, Booking? booking, DateTimeOffset now)
    {
        List<WebhookEvent>? events = null;
        foreach (var type in new[] { WebhookEventTypes.BookingConfirmed, WebhookEventTypes.HoldExpired, WebhookEventTypes.HoldReleased, WebhookEventTypes.SeatReleased })
        {
            if (!types.HasFlag(type))
            {
                continue;
            }

            var subscribed = endpoints.Where(e => e.Types.HasFlag(type)).Select(e => e.EndpointId).ToImmutableArray();
            if (subscribed.IsEmpty)
            {
                continue;
            }

            var id = WebhookEventIds.New(now);
            var name = WebhookEventNames.Of(type);
            (events ??= []).Add(new WebhookEvent(seat.AppId, id, name, now, Payload(id, name, now, seat, userId, type == WebhookEventTypes.HoldExpired ? heldUntil : null, booking), subscribed));
        }

        return events?.ToArray();
    }

    private static string Payload(string id, string type, DateTimeOffset now, SeatDefinition seat, string userId, DateTimeOffset? heldUntil, Booking? booking)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("type", type);
            json.WriteString("createdAt", now);
            json.WriteString("appId", seat.AppId);
            json.WriteStartObject("data");
            json.WriteString("seatId", seat.SeatId);
            json.WriteString("entityId", seat.EntityId);
            json.WriteString("seatNumber", seat.SeatNumber);
            json.WriteString("userId", userId);
            if (heldUntil is { } end)
            {
                json.WriteString("heldUntil", end);
            }

            if (booking is not null)
            {
                json.WriteString("bookingId", booking.BookingId);
                json.WriteString("paymentId", booking.PaymentId);
                json.WriteNumber("price", booking.Price);
                json.WriteString("bookedAt", booking.BookedAt);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
