using System.Collections.Immutable;

namespace Reservations.Grains.Mail;

/// <summary>
/// The durable e-mail outbox. It only keeps books: sending happens outside any grain turn, in the
/// API hosts' mail senders, which claim due messages for a lease so that two hosts never send one
/// message at once and a sender that dies mid-send leaves it due again when the lease ends.
/// </summary>
public sealed class MailOutboxGrain([PersistentState("mail-outbox")] IPersistentState<MailOutboxState> outbox, TimeProvider time)
    : Grain, IMailOutboxGrain
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    private List<OutboxMessage> Messages => outbox.State.Messages;

    async Task<long> IMailOutboxGrain.EnqueueAsync(MailDraft draft)
    {
        var now = time.GetUtcNow();
        var message = new OutboxMessage(outbox.State.LastId + 1, draft.To, draft.Subject, draft.Body, OutboxStatus.Pending, 0, now, now, draft.DiscardAfter, null);
        var messages = new List<OutboxMessage>(Messages) { message };
        while (messages.Count > IMailOutboxGrain.MaxMessages)
        {
            var finished = messages.FindIndex(m => m.Status is OutboxStatus.Sent or OutboxStatus.Failed or OutboxStatus.Discarded);
            messages.RemoveAt(finished >= 0 ? finished : 0);
        }

        await StoreAsync(new MailOutboxState { LastId = message.Id, Messages = messages });
        return message.Id;
    }

    async Task<ImmutableArray<OutboxMessage>> IMailOutboxGrain.ClaimDueAsync(int max, TimeSpan lease)
    {
        var now = time.GetUtcNow();
        var messages = new List<OutboxMessage>(Messages);
        var claimed = ImmutableArray.CreateBuilder<OutboxMessage>();
        var changed = false;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Status is not (OutboxStatus.Pending or OutboxStatus.Sending) || message.NextAttemptAt > now)
            {
                continue;
            }

            changed = true;
            if (message.DiscardAfter <= now)
            {
                messages[i] = message with { Status = OutboxStatus.Discarded, Body = "" };
            }
            else if (claimed.Count < max)
            {
                messages[i] = message with { Status = OutboxStatus.Sending, NextAttemptAt = now + lease };
                claimed.Add(messages[i]);
            }
        }

        if (changed)
        {
            await StoreAsync(new MailOutboxState { LastId = outbox.State.LastId, Messages = messages });
        }

        return claimed.ToImmutable();
    }

    Task IMailOutboxGrain.MarkSentAsync(long id) =>
        UpdateAsync(id, message => message with { Status = OutboxStatus.Sent, Body = "", Attempts = message.Attempts + 1, LastError = null });

    Task IMailOutboxGrain.MarkFailedAsync(long id, string error) => UpdateAsync(id, message =>
    {
        var attempts = message.Attempts + 1;
        if (attempts >= IMailOutboxGrain.MaxAttempts)
        {
            return message with { Status = OutboxStatus.Failed, Attempts = attempts, LastError = error };
        }

        var delay = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(attempts - 1, 20)));
        return message with { Status = OutboxStatus.Pending, Attempts = attempts, NextAttemptAt = time.GetUtcNow() + delay, LastError = error };
    });

    Task<ImmutableArray<OutboxMessage>> IMailOutboxGrain.ListAsync(int limit) =>
        Task.FromResult<ImmutableArray<OutboxMessage>>([.. Enumerable.Reverse(Messages).Take(limit)]);

    // Only a message the sender still holds is updated: one whose lease ended and that another sender
    // claimed again is that sender's now.
    private async Task UpdateAsync(long id, Func<OutboxMessage, OutboxMessage> change)
    {
        var index = Messages.FindIndex(m => m.Id == id);
        if (index < 0 || Messages[index].Status != OutboxStatus.Sending)
        {
            return;
        }

        var messages = new List<OutboxMessage>(Messages) { [index] = change(Messages[index]) };
        await StoreAsync(new MailOutboxState { LastId = outbox.State.LastId, Messages = messages });
    }

    private async Task StoreAsync(MailOutboxState next)
    {
        var previous = outbox.State;
        outbox.State = next;
        try
        {
            await outbox.WriteStateAsync();
        }
        catch
        {
            outbox.State = previous;
            throw;
        }
    }
}
