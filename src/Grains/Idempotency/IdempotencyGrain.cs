using Orleans.Concurrency;

namespace Reservations.Grains.Idempotency;

/// <summary>
/// One Idempotency-Key. Reentrant so that a repeat can wait inside <see cref="IIdempotencyGrain.ClaimAsync"/>
/// while the first request's <see cref="IIdempotencyGrain.CompleteAsync"/> gets in; every decision is
/// made between awaits. The claim of a running request is kept in memory only: if its process dies,
/// the claim lapses after <see cref="ClaimLease"/> and a retry runs again. A stored answer registers
/// a reminder due when its 24 hours end, which deletes it, so keys that never come back do not stay
/// in storage forever.
/// </summary>
[Reentrant]
public sealed class IdempotencyGrain(
    [PersistentState("idempotency")] IPersistentState<IdempotencyState> stored,
    TimeProvider time) : Grain, IIdempotencyGrain, IRemindable
{
    public const string ForgetReminder = "forget";

    /// <summary>How long a repeat waits for the first request's answer before it is told to retry.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim whose request never completed blocks the key.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    private Running? _running;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An answer past its lifetime is deleted when its key comes back.
        if (stored.State.Answer is { } answer && time.GetUtcNow() - answer.StoredAt >= StoredAnswer.Lifetime)
        {
            await stored.ClearStateAsync(cancellationToken);
        }
    }

    async Task<IdempotencyClaim> IIdempotencyGrain.ClaimAsync(string fingerprint)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (stored.State.Answer is { } answer && now - answer.StoredAt < StoredAnswer.Lifetime)
            {
                return string.Equals(stored.State.Fingerprint, fingerprint, StringComparison.Ordinal)
                    ? new IdempotencyClaim(IdempotencyClaimOutcome.Replay, answer)
                    : IdempotencyClaim.Mismatch;
            }

            if (_running is { } first && now - first.Since < ClaimLease)
            {
                if (!string.Equals(first.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return IdempotencyClaim.Mismatch;
                }

                try
                {
                    await first.Done.Task.WaitAsync(WaitLimit, time);
                }
                catch (TimeoutException)
                {
                    return IdempotencyClaim.InProgress;
                }

                continue; // Replay its answer, or, if it kept none, claim the key.
            }

            _running = new Running(fingerprint, now, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return IdempotencyClaim.Claimed;
        }
    }

    async Task IIdempotencyGrain.CompleteAsync(string fingerprint, StoredAnswer? answer)
    {
        var claim = _running;
        if (claim is null || !string.Equals(claim.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return; // Its claim lapsed and another took the key.
        }

        try
        {
            if (answer is not null)
            {
                stored.State.Fingerprint = fingerprint;
                stored.State.Answer = answer;
                await stored.WriteStateAsync();
                await this.RegisterOrUpdateReminder(ForgetReminder, Max(answer.StoredAt + StoredAnswer.Lifetime - time.GetUtcNow(), TimeSpan.Zero), StoredAnswer.Lifetime);
            }
        }
        catch
        {
            stored.State.Fingerprint = null;
            stored.State.Answer = null;
            throw;
        }
        finally
        {
            if (ReferenceEquals(_running, claim))
            {
                _running = null;
            }

            claim.Done.TrySetResult();
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // A tick may come early or twice: only an answer past its lifetime is deleted.
        if (stored.State.Answer is { } answer && time.GetUtcNow() - answer.StoredAt < StoredAnswer.Lifetime)
        {
            return;
        }

        if (stored.RecordExists && _running is null)
        {
            await stored.ClearStateAsync();
        }

        if (await this.GetReminder(ForgetReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Running(string Fingerprint, DateTimeOffset Since, TaskCompletionSource Done);
}
