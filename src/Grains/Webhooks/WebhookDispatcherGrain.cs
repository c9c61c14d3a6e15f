using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// Sends one endpoint's due deliveries, up to <see cref="Parallel"/> requests at a time (a batching
/// endpoint: one request of up to <see cref="WebhookBatch.MaxEvents"/> events at a time), and stores
/// each attempt. Seats hand over their events once they are in the outbox, so a first attempt is sent from
/// memory without reading the outbox back. The outbox is read (scanned) only when it may hold what
/// memory does not: after activation, when a retry is due, on a replay, on the reminder every minute
/// (which also resumes the work after a crash, when nothing else would wake this grain), and when more
/// events wait than memory keeps. A run starts after the current turn, however many events came.
/// A scan may find an event whose hand-over is still on its way (a seat records, then hands over):
/// it sends the event and remembers its id for a minute, so the hand-over is not sent again.
/// <para>
/// Outcomes are stored the way the SQLite writer commits: adaptively. A run that finds no more work
/// waiting stores its outcomes at once; while events keep coming, they gather up to
/// <see cref="MaxUnstored"/> and go in one write. Everything that reads the outbox (a scan, the list,
/// a replay) stores them first, so no delivery looks pending there once it was sent. A crash before
/// the write sends those events again, with the same ids, as at-least-once delivery allows.
/// </para>
/// <para>
/// A run also forgets the finished deliveries older than <see cref="ReservationOptions.WebhookRetention"/>,
/// once a minute at most (the reminder's period), so the outbox holds what the retention keeps and
/// what is still pending, however long the engine runs.
/// </para>
/// </summary>
public sealed class WebhookDispatcherGrain(
    IWebhookOutbox outbox,
    WebhookSender sender,
    WebhookSigner signer,
    TimeProvider time,
    IOptions<ReservationOptions> options,
    ILogger<WebhookDispatcherGrain> logger) : Grain, IWebhookDispatcherGrain, IRemindable
{
    private const string Reminder = "webhook-dispatch";
    private const int Parallel = 16;

    /// <summary>Outcomes kept in memory at most while more events keep coming; then they are stored in one write.</summary>
    private const int MaxUnstored = 256;

    /// <summary>Events handed over and not yet sent, at most; past that they wait in the outbox for a scan.</summary>
    private const int MaxHandedOver = 4_096;

    /// <summary>Deliveries forgotten in one write at most; a prune writes as many batches as it needs.</summary>
    private const int PruneBatch = 1_000;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly Queue<DueWebhook> _handedOver = new();
    private readonly HashSet<string> _handedOverIds = [];

    /// <summary>First attempts a scan found before their hand-over came: that hand-over, when it comes, is not sent again.</summary>
    private readonly HashSet<string> _sentBeforeHandOver = [];
    private readonly List<AttemptOutcome> _unstored = [];
    private string _appId = "";
    private string _endpointId = "";
    private IGrainTimer _run = null!;
    private ITimer? _retry;
    private DateTimeOffset? _retryAt;
    private DateTimeOffset _pruneAt;
    private bool _scan = true;
    private bool _running;
    private bool _wokenWhileRunning;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _appId = GrainKeys.AppOf(key);
        _endpointId = GrainKeys.IdOf(key);
        _run = this.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _retry?.Dispose();
        await StoreOutcomesAsync();
    }

    async Task IWebhookDispatcherGrain.StartAsync()
    {
        await this.RegisterOrUpdateReminder(Reminder, ReminderPeriod, ReminderPeriod);
        Wake(scan: true);
    }

    async Task IWebhookDispatcherGrain.StopAsync()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _retry?.Dispose();
        _retry = null;
        _unstored.Clear(); // the endpoint's deliveries go with it
        DeactivateOnIdle();
    }

    Task IWebhookDispatcherGrain.RecordedAsync(ImmutableArray<WebhookEvent> events)
    {
        foreach (var @event in events)
        {
            if (!@event.EndpointIds.Contains(_endpointId) || _sentBeforeHandOver.Remove(@event.EventId))
            {
                continue;
            }

            if (_handedOverIds.Count >= MaxHandedOver)
            {
                _scan = true; // it is in the outbox: the scan finds it
            }
            else if (_handedOverIds.Add(@event.EventId))
            {
                _handedOver.Enqueue(new DueWebhook(@event.EventId, @event.Payload, 0, @event.CreatedAt));
            }
        }

        Wake(scan: false);
        return Task.CompletedTask;
    }

    Task IWebhookDispatcherGrain.PokeAsync()
    {
        _retryAt = null; // the retry timer, if it was the caller, has fired
        Wake(scan: true);
        return Task.CompletedTask;
    }

    async Task<WebhookDeliveryPage> IWebhookDispatcherGrain.ListAsync(string? after, int limit)
    {
        await StoreOutcomesAsync();
        return await outbox.ListAsync(_appId, _endpointId, after, limit);
    }

    async Task<bool> IWebhookDispatcherGrain.ReplayAsync(string eventId)
    {
        await StoreOutcomesAsync(); // else a stored-later success would overwrite the replay
        if (!await outbox.ReplayAsync(_appId, _endpointId, eventId, time.GetUtcNow()))
        {
            return false;
        }

        Wake(scan: true);
        return true;
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        Wake(scan: true);
        return Task.CompletedTask;
    }

    private void Wake(bool scan)
    {
        _scan |= scan;
        // Interleaved with a run: that run may be past what this call brought, so one more run follows it.
        if (_running)
        {
            _wokenWhileRunning = true;
        }
        else
        {
            _run.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        _running = true;
        _wokenWhileRunning = false;
        try
        {
            await SendDueAsync();
            if (!_wokenWhileRunning)
            {
                await StoreOutcomesAsync(); // nothing more is coming now: nothing to gather them with
            }

            await PruneAsync();
        }
        finally
        {
            _running = false;
            if (_wokenWhileRunning)
            {
                Wake(scan: false);
            }
        }
    }

    private async Task SendDueAsync()
    {
        var endpoint = await GrainFactory.Reference<IWebhookEndpointsGrain>(_appId).GetAsync(_endpointId);
        if (endpoint is null)
        {
            _handedOver.Clear(); // removed: its deliveries went with it
            _handedOverIds.Clear();
            _unstored.Clear();
            return;
        }

        var secret = signer.SecretOf(_appId, _endpointId, endpoint.SecretVersion);
        var scanned = _scan;
        var scanning = _scan;
        _scan = false;
        var perRound = endpoint.Batch ? WebhookBatch.MaxEvents : Parallel;
        var due = new List<DueWebhook>(perRound);
        while (true)
        {
            due.Clear();
            if (scanning)
            {
                await StoreOutcomesAsync(); // what was sent must not read as pending
                var now = time.GetUtcNow();
                var rows = await outbox.DueAsync(_appId, _endpointId, now, perRound);
                var handOverHorizon = HandOverHorizon(now);
                foreach (var row in rows)
                {
                    // Sent now: its handed-over copy is skipped, and so is a hand-over still on its way.
                    if (!_handedOverIds.Remove(row.EventId) && row.Attempts == 0 && string.CompareOrdinal(row.EventId, handOverHorizon) >= 0
                        && _sentBeforeHandOver.Count < MaxHandedOver)
                    {
                        _sentBeforeHandOver.Add(row.EventId);
                    }

                    due.Add(row);
                }

                scanning = rows.Length == perRound;
            }

            while (due.Count < perRound && _handedOver.TryDequeue(out var handedOver))
            {
                if (_handedOverIds.Remove(handedOver.EventId))
                {
                    due.Add(handedOver);
                }
            }

            if (due.Count == 0)
            {
                break;
            }

            var outcomes = endpoint.Batch
                ? await DeliverBatchAsync(endpoint.Url, secret, due)
                : await Task.WhenAll(due.Select(delivery => DeliverAsync(endpoint.Url, secret, delivery)));
            _unstored.AddRange(outcomes);
            if (_unstored.Count >= MaxUnstored)
            {
                await StoreOutcomesAsync();
            }

            foreach (var outcome in outcomes)
            {
                if (!scanned && outcome.NextAttemptAt is { } retryAt)
                {
                    ArmRetry(retryAt);
                }
            }
        }

        if (scanned)
        {
            // The outbox knows every pending delivery, this activation's and any before it.
            await StoreOutcomesAsync();
            ArmRetry(await outbox.NextDueAsync(_appId, _endpointId), replace: true);
        }
    }

    /// <summary>
    /// Forgets the finished deliveries past the retention, and the ids of scanned events whose hand-overs
    /// are no longer coming, unless this activation did so in the last minute.
    /// </summary>
    private async Task PruneAsync()
    {
        var now = time.GetUtcNow();
        if (now < _pruneAt)
        {
            return;
        }

        _pruneAt = now + ReminderPeriod;
        var handOverHorizon = HandOverHorizon(now);
        _sentBeforeHandOver.RemoveWhere(id => string.CompareOrdinal(id, handOverHorizon) < 0); // their hand-overs are not coming
        var before = WebhookEventIds.CreatedBefore(now - options.Value.WebhookRetention);
        int forgotten;
        do
        {
            forgotten = await outbox.PruneAsync(_appId, _endpointId, before, PruneBatch);
        }
        while (forgotten == PruneBatch);
    }

    /// <summary>The id below those of events whose hand-over may still be on its way: a seat hands an event over right after recording it.</summary>
    private static string HandOverHorizon(DateTimeOffset now) => WebhookEventIds.CreatedBefore(now - ReminderPeriod);

    /// <summary>Stores the outcomes kept in memory, all in one write.</summary>
    private async Task StoreOutcomesAsync()
    {
        if (_unstored.Count == 0)
        {
            return;
        }

        var outcomes = _unstored.ToArray();
        _unstored.Clear();
        await outbox.RecordAttemptsAsync(_appId, _endpointId, outcomes);
    }

    private async Task<AttemptOutcome> DeliverAsync(string url, string secret, DueWebhook delivery)
    {
        var at = time.GetUtcNow();
        var (statusCode, error, duration) = await sender.SendAsync(url, secret, delivery.EventId, delivery.Payload, at);
        return Outcome(delivery, at, statusCode, error, duration);
    }

    /// <summary>One request for all of <paramref name="deliveries"/>: each event's attempt has its outcome.</summary>
    private async Task<AttemptOutcome[]> DeliverBatchAsync(string url, string secret, List<DueWebhook> deliveries)
    {
        var at = time.GetUtcNow();
        var (statusCode, error, duration) = await sender.SendAsync(url, secret, WebhookBatch.Id(deliveries), WebhookBatch.Body(deliveries), at);
        return [.. deliveries.Select(delivery => Outcome(delivery, at, statusCode, error, duration))];
    }

    private AttemptOutcome Outcome(DueWebhook delivery, DateTimeOffset at, int? statusCode, string? error, int duration)
    {
        var number = delivery.Attempts + 1;
        var wait = error is null ? null : WebhookBackoff.After(number);
        var status = error is null ? WebhookDeliveryStatus.Delivered : wait is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        if (status == WebhookDeliveryStatus.Failed)
        {
            GrainsLog.WebhookFailed(logger, _appId, _endpointId, delivery.EventId, number, error!);
        }

        return new AttemptOutcome(delivery.EventId, new WebhookAttempt(number, at, statusCode, error, duration), status, at + wait);
    }

    /// <summary>Pokes this grain when <paramref name="at"/> comes, unless an earlier poke is set (or always, with <paramref name="replace"/>).</summary>
    private void ArmRetry(DateTimeOffset? at, bool replace = false)
    {
        if (!replace && (at is null || _retryAt <= at))
        {
            return;
        }

        _retry?.Dispose();
        _retry = null;
        _retryAt = at;
        if (at is not { } due)
        {
            return;
        }

        var self = this.AsReference<IWebhookDispatcherGrain>();
        var wait = due - time.GetUtcNow();
        _retry = time.CreateTimer(_ => self.PokeAsync().Ignore(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
