using System.Collections.Immutable;
using Reservations.Grains.Webhooks;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>The webhook outbox in memory, for grain rules only (the real ones are tested against SQLite and PostgreSQL).</summary>
public sealed class InMemoryWebhookOutbox : IWebhookOutbox
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string App, string Endpoint, string Event), Row> _rows = [];

    public ImmutableArray<WebhookEvent> Recorded { get; private set; } = [];

    public Task RecordAsync(IReadOnlyList<WebhookEvent> events)
    {
        lock (_lock)
        {
            foreach (var e in events)
            {
                Recorded = Recorded.Add(e);
                foreach (var endpointId in e.EndpointIds)
                {
                    _rows.TryAdd((e.AppId, endpointId, e.EventId), new Row(e, WebhookDeliveryStatus.Pending, e.CreatedAt, []));
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<DueWebhook>> DueAsync(string appId, string endpointId, DateTimeOffset now, int limit)
    {
        lock (_lock)
        {
            return Task.FromResult(Of(appId, endpointId)
                .Where(r => r.Value.Status == WebhookDeliveryStatus.Pending && r.Value.Next <= now)
                .OrderBy(r => r.Value.Next).Take(limit)
                .Select(r => new DueWebhook(r.Value.Event.EventId, r.Value.Event.Payload, r.Value.Attempts.Length, r.Value.Event.CreatedAt))
                .ToImmutableArray());
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(string appId, string endpointId)
    {
        lock (_lock)
        {
            return Task.FromResult(Of(appId, endpointId).Where(r => r.Value.Status == WebhookDeliveryStatus.Pending).Select(r => r.Value.Next).Min());
        }
    }

    public Task RecordAttemptsAsync(string appId, string endpointId, IReadOnlyList<AttemptOutcome> outcomes)
    {
        lock (_lock)
        {
            foreach (var (eventId, attempt, status, nextAttemptAt) in outcomes)
            {
                var row = _rows[(appId, endpointId, eventId)];
                _rows[(appId, endpointId, eventId)] = row with { Status = status, Next = nextAttemptAt, Attempts = row.Attempts.Insert(0, attempt) };
            }
        }

        return Task.CompletedTask;
    }

    public Task<WebhookDeliveryPage> ListAsync(string appId, string endpointId, string? after, int limit)
    {
        lock (_lock)
        {
            var items = Of(appId, endpointId).Select(r => r.Value)
                .OrderByDescending(r => r.Event.EventId, StringComparer.Ordinal)
                .Select(r => new WebhookDelivery(r.Event.EventId, r.Event.Type, r.Event.CreatedAt, r.Status, r.Next, r.Event.Payload, r.Attempts))
                .ToImmutableArray();
            return Task.FromResult(new WebhookDeliveryPage(items, null));
        }
    }

    public Task<bool> ReplayAsync(string appId, string endpointId, string eventId, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue((appId, endpointId, eventId), out var row))
            {
                return Task.FromResult(false);
            }

            _rows[(appId, endpointId, eventId)] = row with { Status = WebhookDeliveryStatus.Pending, Next = now };
            return Task.FromResult(true);
        }
    }

    public Task<int> PruneAsync(string appId, string endpointId, string before, int limit)
    {
        lock (_lock)
        {
            var gone = Of(appId, endpointId)
                .Where(r => r.Value.Status != WebhookDeliveryStatus.Pending && string.CompareOrdinal(r.Key.Event, before) < 0)
                .OrderBy(r => r.Key.Event, StringComparer.Ordinal).Take(limit).Select(r => r.Key).ToList();
            gone.ForEach(key => _rows.Remove(key));
            return Task.FromResult(gone.Count);
        }
    }

    public Task DeleteEndpointAsync(string appId, string endpointId)
    {
        lock (_lock)
        {
            foreach (var key in Of(appId, endpointId).Select(r => r.Key).ToList())
            {
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private IEnumerable<KeyValuePair<(string App, string Endpoint, string Event), Row>> Of(string appId, string endpointId) =>
        _rows.Where(r => r.Key.App == appId && r.Key.Endpoint == endpointId).ToList();

    private sealed record Row(WebhookEvent Event, WebhookDeliveryStatus Status, DateTimeOffset? Next, ImmutableArray<WebhookAttempt> Attempts);
}
