using Microsoft.Extensions.Logging;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// Sends one endpoint's due deliveries from the outbox, up to <see cref="Parallel"/> at a time, and
/// stores each attempt. A poke (a new event) starts a run after the current turn, however many
/// pokes came; a timer on the engine's clock pokes when the next retry is due; a reminder every
/// minute resumes the work after a crash, when nothing else would wake this grain.
/// </summary>
public sealed class WebhookDispatcherGrain(
    IWebhookOutbox outbox,
    WebhookSender sender,
    WebhookSigner signer,
    TimeProvider time,
    ILogger<WebhookDispatcherGrain> logger) : Grain, IWebhookDispatcherGrain, IRemindable
{
    private const string Reminder = "webhook-dispatch";
    private const int Parallel = 16;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private string _appId = "";
    private string _endpointId = "";
    private IGrainTimer _run = null!;
    private ITimer? _retry;
    private bool _running;
    private bool _pokedWhileRunning;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _appId = GrainKeys.AppOf(key);
        _endpointId = GrainKeys.IdOf(key);
        _run = this.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _retry?.Dispose();
        return Task.CompletedTask;
    }

    async Task IWebhookDispatcherGrain.StartAsync()
    {
        await this.RegisterOrUpdateReminder(Reminder, ReminderPeriod, ReminderPeriod);
        ScheduleRun();
    }

    async Task IWebhookDispatcherGrain.StopAsync()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _retry?.Dispose();
        _retry = null;
        DeactivateOnIdle();
    }

    Task IWebhookDispatcherGrain.PokeAsync()
    {
        // Interleaved with a run: the run may have read the due deliveries before this event's, so one more run follows it.
        if (_running)
        {
            _pokedWhileRunning = true;
        }
        else
        {
            ScheduleRun();
        }

        return Task.CompletedTask;
    }

    Task<WebhookDeliveryPage> IWebhookDispatcherGrain.ListAsync(WebhookDeliveryCursor? after, int limit) =>
        outbox.ListAsync(_appId, _endpointId, after, limit);

    async Task<bool> IWebhookDispatcherGrain.ReplayAsync(string eventId)
    {
        if (!await outbox.ReplayAsync(_appId, _endpointId, eventId, time.GetUtcNow()))
        {
            return false;
        }

        ScheduleRun();
        return true;
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        ScheduleRun();
        return Task.CompletedTask;
    }

    private void ScheduleRun() => _run.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        _running = true;
        _pokedWhileRunning = false;
        try
        {
            await SendDueAsync();
        }
        finally
        {
            _running = false;
            if (_pokedWhileRunning)
            {
                ScheduleRun();
            }
        }
    }

    private async Task SendDueAsync()
    {
        var endpoint = await GrainFactory.GetGrain<IWebhookEndpointsGrain>(_appId).GetAsync(_endpointId);
        if (endpoint is null)
        {
            return; // removed: its deliveries went with it
        }

        var secret = signer.SecretOf(_appId, _endpointId, endpoint.SecretVersion);
        while (true)
        {
            var due = await outbox.DueAsync(_appId, _endpointId, time.GetUtcNow(), Parallel);
            var outcomes = await Task.WhenAll(due.Select(delivery => DeliverAsync(endpoint.Url, secret, delivery)));
            if (outcomes.Length > 0)
            {
                // One write for the run's attempts: one transaction and one flush, not one per delivery.
                await outbox.RecordAttemptsAsync(_appId, _endpointId, outcomes);
            }

            if (due.Length < Parallel)
            {
                break;
            }
        }

        await ScheduleRetryAsync();
    }

    private async Task<AttemptOutcome> DeliverAsync(string url, string secret, DueWebhook delivery)
    {
        var number = delivery.Attempts + 1;
        var at = time.GetUtcNow();
        var (statusCode, error, duration) = await sender.SendAsync(url, secret, delivery.EventId, delivery.Payload, at);
        var wait = error is null ? null : WebhookBackoff.After(number);
        var status = error is null ? WebhookDeliveryStatus.Delivered : wait is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        if (status == WebhookDeliveryStatus.Failed)
        {
            GrainsLog.WebhookFailed(logger, _appId, _endpointId, delivery.EventId, number, error!);
        }

        return new AttemptOutcome(delivery.EventId, new WebhookAttempt(number, at, statusCode, error, duration), status, at + wait);
    }

    private async Task ScheduleRetryAsync()
    {
        _retry?.Dispose();
        _retry = null;
        if (await outbox.NextDueAsync(_appId, _endpointId) is not { } next)
        {
            return;
        }

        var self = this.AsReference<IWebhookDispatcherGrain>();
        var wait = next - time.GetUtcNow();
        _retry = time.CreateTimer(_ => self.PokeAsync().Ignore(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
