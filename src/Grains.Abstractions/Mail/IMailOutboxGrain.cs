using System.Collections.Immutable;

namespace Reservations.Grains.Mail;

/// <summary>
/// The durable outbox of e-mails (a single grain, key "all"): requests queue a message and return;
/// senders claim due messages, send them and report back. Failures are retried with backoff
/// (30 s, doubling, at most an hour apart) up to <see cref="MaxAttempts"/> times. It keeps at most
/// <see cref="MaxMessages"/> messages, dropping the oldest finished ones first.
/// </summary>
[Alias("reservations.mail-outbox")]
public interface IMailOutboxGrain : IGrainWithStringKey
{
    /// <summary>The outbox's one key.</summary>
    const string Key = "all";

    /// <summary>How many messages the outbox keeps.</summary>
    const int MaxMessages = 1000;

    /// <summary>How many attempts a message gets before it is marked failed.</summary>
    const int MaxAttempts = 10;

    /// <summary>Queues a message, due at once; returns its id.</summary>
    Task<long> EnqueueAsync(MailDraft draft);

    /// <summary>Up to <paramref name="max"/> due messages, now marked as sending for <paramref name="lease"/> (then due again).</summary>
    Task<ImmutableArray<OutboxMessage>> ClaimDueAsync(int max, TimeSpan lease);

    /// <summary>The message was accepted by the mail server.</summary>
    Task MarkSentAsync(long id);

    /// <summary>The attempt failed; schedules the next one, or gives up after <see cref="MaxAttempts"/>.</summary>
    Task MarkFailedAsync(long id, string error);

    /// <summary>The newest <paramref name="limit"/> messages, newest first.</summary>
    Task<ImmutableArray<OutboxMessage>> ListAsync(int limit);
}
