namespace Reservations.Grains.Webhooks;

/// <summary>
/// A registered webhook endpoint of an app (its secret is never part of it). A batching endpoint
/// receives a JSON array of up to 100 events per request, one event
/// per request otherwise (docs/webhooks.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-endpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] string Url,
    [property: Id(2)] WebhookEventTypes Types,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] int SecretVersion,
    [property: Id(5)] bool Batch = false);

/// <summary>An endpoint and its signing secret, shown once: at registration or rotation.</summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-endpoint-secret")]
public sealed record WebhookEndpointSecret(
    [property: Id(0)] WebhookEndpoint Endpoint,
    [property: Id(1)] string Secret);

/// <summary>How a registration ended.</summary>
public enum WebhookRegistrationOutcome
{
    /// <summary>The endpoint exists now.</summary>
    Registered,

    /// <summary>The app has as many endpoints as it may.</summary>
    TooManyEndpoints,
}

/// <summary>A registration's outcome, with the endpoint and its secret when registered.</summary>
[GenerateSerializer, Immutable, Alias("reservations.webhook-registration")]
public sealed record WebhookRegistration(
    [property: Id(0)] WebhookRegistrationOutcome Outcome,
    [property: Id(1)] WebhookEndpointSecret? Created);
