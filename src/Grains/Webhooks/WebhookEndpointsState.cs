namespace Reservations.Grains.Webhooks;

/// <summary>An app's registered webhook endpoints, as stored.</summary>
[GenerateSerializer, Alias("reservations.webhook-endpoints-state")]
public sealed class WebhookEndpointsState
{
    [Id(0)]
    public List<WebhookEndpoint> Endpoints { get; set; } = [];
}
