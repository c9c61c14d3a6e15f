using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>Where a delivery stands (stored as its number).</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; tried again at its next attempt.</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed; only a replay sends it again.</summary>
    Failed = 2,
}

/// <summary>One try to send an event to an endpoint.</summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-attempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int? StatusCode,
    [property: Id(3)] string? Error,
    [property: Id(4)] int DurationMilliseconds);

/// <summary>An event's delivery to one endpoint, with its attempts (newest first).</summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] WebhookDeliveryStatus Status,
    [property: Id(4)] DateTimeOffset? NextAttemptAt,
    [property: Id(5)] string Payload,
    [property: Id(6)] ImmutableArray<WebhookAttempt> Attempts);

/// <summary>
/// A page of deliveries, newest first (by event id: ids are UUIDv7, so they sort by creation time);
/// After is the event id the next page continues below.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-delivery-page")]
public sealed record WebhookDeliveryPage(
    [property: Id(0)] ImmutableArray<WebhookDelivery> Items,
    [property: Id(1)] string? After);
