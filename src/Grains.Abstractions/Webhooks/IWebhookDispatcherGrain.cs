using System.Collections.Immutable;
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

    /// <summary>
    /// These events are in the outbox now: send this endpoint's share of them soon, from memory, without
    /// reading them back. Cheap, one-way and interleaved: every seat event calls it, and calls queued
    /// behind a run would cost the grain's scheduler a scan of the queue per message.
    /// </summary>
    [OneWay]
    [AlwaysInterleave]
    Task RecordedAsync(ImmutableArray<WebhookEvent> events);

    /// <summary>The outbox may hold due deliveries this activation has not been handed (a retry is due, or a seat recorded its events again after activation): look.</summary>
    [OneWay]
    [AlwaysInterleave]
    Task PokeAsync();

    /// <summary>The endpoint's deliveries below event id <paramref name="after"/>, newest first, with their attempts.</summary>
    Task<WebhookDeliveryPage> ListAsync(string? after, int limit);

    /// <summary>Sends the event again, with the same event id; false when the endpoint never had it.</summary>
    Task<bool> ReplayAsync(string eventId);
}
