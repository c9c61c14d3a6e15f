namespace Reservations.Grains.Mail;

/// <summary>
/// An e-mail to send. A message that carries a secret link sets <see cref="DiscardAfter"/> to the
/// link's expiry: unsent by then, it is dropped with its body, since the link is dead.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.mail-draft")]
public sealed record MailDraft(
    [property: Id(0)] string To,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Body,
    [property: Id(3)] DateTimeOffset? DiscardAfter);
