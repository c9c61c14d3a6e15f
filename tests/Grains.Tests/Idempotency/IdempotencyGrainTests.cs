using Microsoft.Extensions.DependencyInjection;
using Reservations.Grains.Idempotency;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Idempotency;

public sealed class IdempotencyGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private IIdempotencyGrain NewKey() => fixture.Cluster.Grains.GetGrain<IIdempotencyGrain>("APP-TEST-TEST-TEST/" + Guid.NewGuid().ToString("N"));

    private StoredAnswer Answer(int status = 201) => new(status, "application/json", null, [1, 2, 3], fixture.Cluster.Clock.GetUtcNow());

    [Fact]
    public async Task Repeat_WhileTheFirstRuns_WaitsAndGetsItsAnswer()
    {
        var key = NewKey();
        Assert.Equal(IdempotencyClaimOutcome.Claimed, (await key.ClaimAsync("fp")).Outcome);

        var repeat = key.ClaimAsync("fp");
        Assert.False(repeat.IsCompleted);
        var answer = Answer();
        await key.CompleteAsync("fp", answer);

        var replay = await repeat;
        Assert.Equal(IdempotencyClaimOutcome.Replay, replay.Outcome);
        Assert.Equal(answer, replay.Answer);
        Assert.Equal(IdempotencyClaimOutcome.Replay, (await key.ClaimAsync("fp")).Outcome);
    }

    [Fact]
    public async Task FirstKeepsNothing_AWaitingRepeatClaimsTheKey()
    {
        var key = NewKey();
        await key.ClaimAsync("fp");
        var repeat = key.ClaimAsync("fp");

        await key.CompleteAsync("fp", null);

        Assert.Equal(IdempotencyClaimOutcome.Claimed, (await repeat).Outcome);
    }

    [Fact]
    public async Task OtherFingerprint_RefusedWhileRunningAndOnceStored()
    {
        var key = NewKey();
        await key.ClaimAsync("fp");
        Assert.Equal(IdempotencyClaimOutcome.Mismatch, (await key.ClaimAsync("other")).Outcome);

        await key.CompleteAsync("fp", Answer());

        Assert.Equal(IdempotencyClaimOutcome.Mismatch, (await key.ClaimAsync("other")).Outcome);
    }

    [Fact]
    public async Task Repeat_WaitingPastTheLimit_IsToldItIsInProgress()
    {
        var key = NewKey();
        await key.ClaimAsync("fp");
        var repeat = key.ClaimAsync("fp");

        // The repeat's wait starts when its call reaches the grain: move the clock until it has passed.
        await Eventually.ReturnsAsync(() =>
        {
            fixture.Cluster.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(repeat.IsCompleted);
        }, done => done, "the repeat's wait to end");

        Assert.Equal(IdempotencyClaimOutcome.InProgress, (await repeat).Outcome);
    }

    [Fact]
    public async Task Claim_OfAProcessThatDied_LapsesAfterItsLease()
    {
        var key = NewKey();
        await key.ClaimAsync("fp");

        fixture.Cluster.Clock.Advance(IdempotencyGrain.ClaimLease);

        Assert.Equal(IdempotencyClaimOutcome.Claimed, (await key.ClaimAsync("fp")).Outcome);
    }

    [Fact]
    public async Task StoredAnswer_PastTwentyFourHours_TheKeyIsFreeAgain_AndItsRowDeleted()
    {
        var key = NewKey();
        await key.ClaimAsync("fp");
        await key.CompleteAsync("fp", Answer());

        fixture.Cluster.Clock.Advance(StoredAnswer.Lifetime);
        await fixture.Cluster.DeactivateAsync(key.GetGrainId());

        Assert.Equal(IdempotencyClaimOutcome.Claimed, (await key.ClaimAsync("other")).Outcome);
        var stored = new GrainState<IdempotencyState>();
        await fixture.Cluster.Storage.ReadStateAsync("idempotency", key.GetGrainId(), stored);
        Assert.Null(stored.State?.Answer);
    }

    [Fact]
    public async Task StoredAnswer_NeverAskedAgain_ItsReminderDeletesItAfterTwentyFourHours()
    {
        var key = NewKey();
        await key.ClaimAsync("fp");
        await key.CompleteAsync("fp", Answer());
        var reminders = fixture.Cluster.Services.GetRequiredService<IReminderTable>();
        var reminder = await reminders.ReadRow(key.GetGrainId(), IdempotencyGrain.ForgetReminder);
        Assert.NotNull(reminder);

        // The tick, delivered as the reminder service would (a fake clock cannot wait for Orleans to load it).
        var tick = new TickStatus(reminder.StartAt, reminder.Period, fixture.Cluster.Clock.GetUtcNow().UtcDateTime);
        await key.AsReference<IRemindable>().ReceiveReminder(IdempotencyGrain.ForgetReminder, tick);
        Assert.True(await StoredAsync(key), "an early tick deletes nothing");

        fixture.Cluster.Clock.Advance(StoredAnswer.Lifetime);
        await key.AsReference<IRemindable>().ReceiveReminder(IdempotencyGrain.ForgetReminder, tick);

        Assert.False(await StoredAsync(key));
        Assert.Null(await reminders.ReadRow(key.GetGrainId(), IdempotencyGrain.ForgetReminder));
    }

    private async Task<bool> StoredAsync(IIdempotencyGrain key)
    {
        var stored = new GrainState<IdempotencyState>();
        await fixture.Cluster.Storage.ReadStateAsync("idempotency", key.GetGrainId(), stored);
        return stored.RecordExists;
    }
}
