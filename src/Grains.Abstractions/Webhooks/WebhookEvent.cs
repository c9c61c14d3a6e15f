using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// One event of an app, with the endpoints subscribed to it when it happened. Payload is the exact
/// JSON body every delivery sends; EventId stays the same across retries, replays and re-recording.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-event")]
public sealed record WebhookEvent(
    [property: Id(0)] string AppId,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Payload,
    [property: Id(5)] ImmutableArray<string> EndpointIds);
