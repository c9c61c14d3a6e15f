using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>The events a webhook endpoint can subscribe to.</summary>
[Flags]
public enum WebhookEventTypes
{
    /// <summary>No event.</summary>
    None = 0,

    /// <summary>A hold was confirmed: the seat is booked.</summary>
    BookingConfirmed = 1,

    /// <summary>A hold reached its end unconfirmed.</summary>
    HoldExpired = 2,

    /// <summary>The holder released a hold.</summary>
    HoldReleased = 4,

    /// <summary>A seat is on sale again (after a release or an expiry).</summary>
    SeatReleased = 8,
}

/// <summary>The event types' names on the wire.</summary>
public static class WebhookEventNames
{
    /// <summary>The name of <see cref="WebhookEventTypes.BookingConfirmed"/>.</summary>
    public const string BookingConfirmed = "booking.confirmed";
    /// <summary>The name of <see cref="WebhookEventTypes.HoldExpired"/>.</summary>
    public const string HoldExpired = "hold.expired";
    /// <summary>The name of <see cref="WebhookEventTypes.HoldReleased"/>.</summary>
    public const string HoldReleased = "hold.released";
    /// <summary>The name of <see cref="WebhookEventTypes.SeatReleased"/>.</summary>
    public const string SeatReleased = "seat.released";

    /// <summary>Every name, in the order the documentation lists them.</summary>
    public static readonly ImmutableArray<string> All = [BookingConfirmed, HoldExpired, HoldReleased, SeatReleased];

    /// <summary>The name of one type.</summary>
    public static string Of(WebhookEventTypes type) => type switch
    {
        WebhookEventTypes.BookingConfirmed => BookingConfirmed,
        WebhookEventTypes.HoldExpired => HoldExpired,
        WebhookEventTypes.HoldReleased => HoldReleased,
        WebhookEventTypes.SeatReleased => SeatReleased,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a single event type."),
    };

    /// <summary>The type a name stands for.</summary>
    public static bool TryParse(string? name, out WebhookEventTypes type)
    {
        type = name switch
        {
            BookingConfirmed => WebhookEventTypes.BookingConfirmed,
            HoldExpired => WebhookEventTypes.HoldExpired,
            HoldReleased => WebhookEventTypes.HoldReleased,
            SeatReleased => WebhookEventTypes.SeatReleased,
            _ => WebhookEventTypes.None,
        };
        return type != WebhookEventTypes.None;
    }

    /// <summary>The names of the types set in <paramref name="types"/>.</summary>
    public static ImmutableArray<string> Names(WebhookEventTypes types) =>
        [.. All.Where(name => TryParse(name, out var type) && types.HasFlag(type))];
}
