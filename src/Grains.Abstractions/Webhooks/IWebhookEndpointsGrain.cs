using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>An app's webhook endpoints (key: the app id).</summary>
public interface IWebhookEndpointsGrain : IGrainWithStringKey
{
    /// <summary>A new endpoint for the given events, batching or not, with its secret (shown once).</summary>
    Task<WebhookRegistration> RegisterAsync(string url, WebhookEventTypes types, bool batch);

    /// <summary>The app's endpoints, oldest first.</summary>
    Task<ImmutableArray<WebhookEndpoint>> ListAsync();

    /// <summary>Null when there is no such endpoint.</summary>
    Task<WebhookEndpoint?> GetAsync(string endpointId);

    /// <summary>False when there is no such endpoint. Its undelivered events are not sent any more.</summary>
    Task<bool> RemoveAsync(string endpointId);

    /// <summary>A new secret for the endpoint (the old one stops signing at once); null when there is no such endpoint.</summary>
    Task<WebhookEndpointSecret?> RotateSecretAsync(string endpointId);
}
