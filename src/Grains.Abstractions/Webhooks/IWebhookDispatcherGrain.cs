using Orleans.Concurrency;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// Sends one endpoint's events (key: <c>{appId}/{endpointId}</c>). One per endpoint, so that a slow
/// or dead receiver delays only its own deliveries.
/// </summary>
public interface IWebhookDispatcherGrain : IGrainWithStringKey
{
    /// <summary>Keeps a reminder so deliveries resume after a crash; called when the endpoint is registered.</summary>
    Task StartAsync();

    /// <summary>Drops the reminder; called when the endpoint is removed.</summary>
    Task StopAsync();

    /// <summary>New events are due: send them soon. Cheap and one-way; many pokes make one run.</summary>
    [OneWay]
    Task PokeAsync();

    /// <summary>The endpoint's deliveries, newest first, with their attempts.</summary>
    Task<WebhookDeliveryPage> ListAsync(WebhookDeliveryCursor? after, int limit);

    /// <summary>Sends the event again, with the same event id; false when the endpoint never had it.</summary>
    Task<bool> ReplayAsync(string eventId);
}
