using Reservations.Grains.Mail;
using Reservations.Grains.Tests.Infrastructure;

namespace Reservations.Grains.Tests.Onboarding;

/// <summary>The mail outbox's books: claims with a lease, retries with doubling backoff, giving up, discarding dead links.</summary>
public sealed class MailOutboxGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private GrainsCluster _cluster = null!;

    private IMailOutboxGrain Outbox => _cluster.Grains.GetGrain<IMailOutboxGrain>(IMailOutboxGrain.Key);

    public async Task InitializeAsync() => _cluster = await GrainsCluster.StartAsync(TestStore.Memory());

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _cluster.Store.DisposeAsync();
    }

    [Fact]
    public async Task Failures_AreRetriedAfter30s60s120s_UntilTheLastAttemptMarksItFailed()
    {
        var id = await Outbox.EnqueueAsync(new MailDraft("ann@example.com", "Hello", "Body", null));

        Assert.Equal(id, Assert.Single(await Outbox.ClaimDueAsync(10, Lease)).Id);
        Assert.Empty(await Outbox.ClaimDueAsync(10, Lease)); // claimed: no second sender gets it
        await Outbox.MarkFailedAsync(id, "connection refused");
        foreach (var wait in new[] { 30, 60, 120 })
        {
            _cluster.Clock.Advance(TimeSpan.FromSeconds(wait - 1));
            Assert.Empty(await Outbox.ClaimDueAsync(10, Lease));
            _cluster.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Single(await Outbox.ClaimDueAsync(10, Lease));
            await Outbox.MarkFailedAsync(id, "connection refused");
        }

        for (var attempt = 5; attempt <= IMailOutboxGrain.MaxAttempts; attempt++)
        {
            _cluster.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Single(await Outbox.ClaimDueAsync(10, Lease));
            await Outbox.MarkFailedAsync(id, "connection refused");
        }

        var failed = Assert.Single(await Outbox.ListAsync(10));
        Assert.Equal((OutboxStatus.Failed, IMailOutboxGrain.MaxAttempts, "connection refused"), (failed.Status, failed.Attempts, failed.LastError));
        _cluster.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await Outbox.ClaimDueAsync(10, Lease));
    }

    [Fact]
    public async Task Claim_SenderDiesMidSend_TheMessageIsDueAgainWhenTheLeaseEnds_AndSentErasesTheBody()
    {
        var id = await Outbox.EnqueueAsync(new MailDraft("bob@example.com", "Link", "https://x/onboarding?token=secret", null));
        Assert.Single(await Outbox.ClaimDueAsync(10, Lease));

        _cluster.Clock.Advance(Lease);
        var again = Assert.Single(await Outbox.ClaimDueAsync(10, Lease));
        Assert.Equal(id, again.Id);
        await Outbox.MarkSentAsync(id);

        var sent = Assert.Single(await Outbox.ListAsync(10), m => m.Id == id);
        Assert.Equal((OutboxStatus.Sent, ""), (sent.Status, sent.Body));
    }

    [Fact]
    public async Task Draft_StillUnsentWhenItsLinkDies_IsDiscardedWithItsBody()
    {
        var id = await Outbox.EnqueueAsync(new MailDraft("cy@example.com", "Link", "token inside", _cluster.Clock.GetUtcNow().AddHours(24)));

        _cluster.Clock.Advance(TimeSpan.FromHours(24));

        Assert.Empty(await Outbox.ClaimDueAsync(10, Lease));
        var discarded = Assert.Single(await Outbox.ListAsync(10), m => m.Id == id);
        Assert.Equal((OutboxStatus.Discarded, ""), (discarded.Status, discarded.Body));
    }
}
