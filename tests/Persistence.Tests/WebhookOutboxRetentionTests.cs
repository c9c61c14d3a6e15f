using Npgsql;
using Reservations.Grains.Webhooks;
using Reservations.Ledger;
using Reservations.Persistence.Sqlite;
using Reservations.Silo.Storage;
using Reservations.TestSupport;

namespace Reservations.Persistence.Tests;

/// <summary>What the webhook dispatcher's retention relies on from an outbox, on both stores.</summary>
public abstract class WebhookOutboxRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Cutoff = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _appId = $"app-{Guid.NewGuid():N}";

    protected IWebhookOutbox Outbox { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task Prune_ForgetsFinishedDeliveriesBeforeTheCutoff_WithTheirAttempts_InBatches()
    {
        var delivered = Event("we_a", Cutoff.AddHours(-50));
        var failed = Event("we_a", Cutoff.AddHours(-40));
        var pending = Event("we_a", Cutoff.AddHours(-30));
        var deliveredAtSecondTry = Event("we_a", Cutoff.AddMilliseconds(-1));
        var atTheCutoff = Event("we_a", Cutoff);
        var otherEndpoint = Event("we_b", Cutoff.AddHours(-50));
        await Outbox.RecordAsync([delivered, failed, pending, deliveredAtSecondTry, atTheCutoff, otherEndpoint]);
        await Outbox.RecordAttemptsAsync(_appId, "we_a",
        [
            Delivered(delivered, 1), Failed(failed, 1, WebhookDeliveryStatus.Failed), Failed(pending, 1, WebhookDeliveryStatus.Pending),
            Failed(deliveredAtSecondTry, 1, WebhookDeliveryStatus.Pending), Delivered(atTheCutoff, 1),
        ]);
        await Outbox.RecordAttemptsAsync(_appId, "we_a", [Delivered(deliveredAtSecondTry, 2)]);
        await Outbox.RecordAttemptsAsync(_appId, "we_b", [Delivered(otherEndpoint, 1)]);
        var before = WebhookEventIds.CreatedBefore(Cutoff);

        Assert.Equal(2, await Outbox.PruneAsync(_appId, "we_a", before, 2));
        Assert.Equal(1, await Outbox.PruneAsync(_appId, "we_a", before, 2));
        Assert.Equal(0, await Outbox.PruneAsync(_appId, "we_a", before, 2));

        var left = await Outbox.ListAsync(_appId, "we_a", null, 10);
        Assert.Equal([atTheCutoff.EventId, pending.EventId], left.Items.Select(d => d.EventId));
        Assert.Single((await Outbox.ListAsync(_appId, "we_b", null, 10)).Items);
        // Their attempts went with them: recorded again, the same events come back with none.
        await Outbox.RecordAsync([delivered, failed, deliveredAtSecondTry]);
        var again = await Outbox.ListAsync(_appId, "we_a", null, 10);
        Assert.All(again.Items.Where(d => d.EventId != pending.EventId && d.EventId != atTheCutoff.EventId), d =>
        {
            Assert.Equal(WebhookDeliveryStatus.Pending, d.Status);
            Assert.Empty(d.Attempts);
        });
        Assert.Equal(5, again.Items.Length);
    }

    private WebhookEvent Event(string endpointId, DateTimeOffset createdAt)
    {
        var id = WebhookEventIds.New(createdAt);
        return new WebhookEvent(_appId, id, "booking.confirmed", createdAt, $$"""{"id":"{{id}}"}""", [endpointId]);
    }

    private static AttemptOutcome Delivered(WebhookEvent @event, int number) =>
        new(@event.EventId, new WebhookAttempt(number, @event.CreatedAt.AddSeconds(number), 200, null, 3), WebhookDeliveryStatus.Delivered, null);

    private static AttemptOutcome Failed(WebhookEvent @event, int number, WebhookDeliveryStatus status) =>
        new(@event.EventId, new WebhookAttempt(number, @event.CreatedAt.AddSeconds(number), 503, "HTTP 503", 3), status,
            status == WebhookDeliveryStatus.Pending ? @event.CreatedAt.AddMinutes(1) : null);
}

public sealed class SqliteWebhookOutboxRetentionTests : WebhookOutboxRetentionTests
{
    private SqliteWithSchema? _sqlite;

    public override async Task InitializeAsync()
    {
        _sqlite = await SqliteWithSchema.CreateAsync("webhooks", SqliteWebhookOutbox.Schema);
        Outbox = new SqliteWebhookOutbox(_sqlite.Database);
    }

    public override async Task DisposeAsync() => await _sqlite!.DisposeAsync();
}

public sealed class PostgresWebhookOutboxRetentionTests : WebhookOutboxRetentionTests
{
    private PostgresWithSchema? _postgres;

    public override async Task InitializeAsync()
    {
        _postgres = await PostgresWithSchema.CreateAsync();
        Outbox = new PostgresWebhookOutbox(_postgres.DataSource);
    }

    public override async Task DisposeAsync()
    {
        await ((PostgresWebhookOutbox)Outbox).DisposeAsync();
        await _postgres!.DisposeAsync();
    }
}
