using System.Collections.Immutable;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// The webhook outbox: a row per (event, endpoint) with its state and attempts. Seats record their
/// events here before their caller hears the answer; each endpoint's dispatcher sends from it.
/// Implemented by the storage the silo runs on.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>One pending delivery per (event, endpoint), due now; durable before the task completes. Recording again changes nothing.</summary>
    Task RecordAsync(IReadOnlyList<WebhookEvent> events);

    /// <summary>Pending deliveries of the endpoint due at <paramref name="now"/>, oldest first.</summary>
    Task<ImmutableArray<DueWebhook>> DueAsync(string appId, string endpointId, DateTimeOffset now, int limit);

    /// <summary>When the endpoint's next pending delivery is due; null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(string appId, string endpointId);

    /// <summary>Stores the attempts of one run at once, each with what it leaves: delivered, failed for good, or pending until its next attempt.</summary>
    Task RecordAttemptsAsync(string appId, string endpointId, IReadOnlyList<AttemptOutcome> outcomes);

    /// <summary>The endpoint's deliveries below event id <paramref name="after"/>, newest first, with their attempts.</summary>
    Task<WebhookDeliveryPage> ListAsync(string appId, string endpointId, string? after, int limit);

    /// <summary>Makes the delivery pending and due at <paramref name="now"/> again; false when there is none.</summary>
    Task<bool> ReplayAsync(string appId, string endpointId, string eventId, DateTimeOffset now);

    /// <summary>
    /// Forgets up to <paramref name="limit"/> of the endpoint's finished deliveries (delivered or failed)
    /// with event ids below <paramref name="before"/> (<see cref="WebhookEventIds.CreatedBefore"/>), and
    /// their attempts; answers how many went. Pending deliveries stay, however old.
    /// </summary>
    Task<int> PruneAsync(string appId, string endpointId, string before, int limit);

    /// <summary>Forgets a removed endpoint's deliveries.</summary>
    Task DeleteEndpointAsync(string appId, string endpointId);
}

/// <summary>An attempt at a delivery and the state it leaves the delivery in.</summary>
public sealed record AttemptOutcome(string EventId, WebhookAttempt Attempt, WebhookDeliveryStatus Status, DateTimeOffset? NextAttemptAt);

/// <summary>A pending delivery to send: the event's id and body and how many attempts it has had.</summary>
public sealed record DueWebhook(string EventId, string Payload, int Attempts, DateTimeOffset CreatedAt);
