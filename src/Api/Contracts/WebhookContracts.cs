using Reservations.Grains.Webhooks;

namespace Reservations.Api.Contracts;

/// <summary>A new endpoint; <c>batch</c> (false when absent) sends it JSON arrays of events instead of one event per request.</summary>
public sealed record WebhookEndpointRequest(string? Url, IReadOnlyList<string?>? Events, bool? Batch = null);

public sealed record WebhookEndpointResponse(string EndpointId, string Url, IReadOnlyList<string> Events, bool Batch, DateTimeOffset CreatedAt)
{
    public static WebhookEndpointResponse From(WebhookEndpoint endpoint) =>
        new(endpoint.EndpointId, endpoint.Url, WebhookEventNames.Names(endpoint.Types), endpoint.Batch, endpoint.CreatedAt);
}

/// <summary>An endpoint with its signing secret: answered once, at registration or rotation.</summary>
public sealed record WebhookEndpointSecretResponse(string EndpointId, string Url, IReadOnlyList<string> Events, bool Batch, DateTimeOffset CreatedAt, string Secret)
{
    public static WebhookEndpointSecretResponse From(WebhookEndpointSecret created) => new(
        created.Endpoint.EndpointId, created.Endpoint.Url, WebhookEventNames.Names(created.Endpoint.Types), created.Endpoint.Batch, created.Endpoint.CreatedAt, created.Secret);
}

public sealed record WebhookEndpointListResponse(IReadOnlyList<WebhookEndpointResponse> Items);

public sealed record WebhookAttemptResponse(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

/// <summary>A delivery: its status ("pending", "delivered", "failed"), the exact body sent, and its attempts, newest first.</summary>
public sealed record WebhookDeliveryResponse(
    string EventId, string Type, DateTimeOffset CreatedAt, string Status, DateTimeOffset? NextAttemptAt, string Payload, IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery delivery) => new(
        delivery.EventId,
        delivery.Type,
        delivery.CreatedAt,
        delivery.Status.ToString().ToLowerInvariant(),
        delivery.NextAttemptAt,
        delivery.Payload,
        delivery.Attempts.Select(a => new WebhookAttemptResponse(a.Number, a.At, a.StatusCode, a.Error, a.DurationMilliseconds)).ToList());
}

public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Items, string? NextCursor);

public sealed record WebhookReplayResponse(string EventId, string Status);

/// <summary>The order key of the last delivery of a page: its event id.</summary>
public sealed record WebhookDeliveryCursorJson(string? EventId);
