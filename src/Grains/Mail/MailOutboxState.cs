namespace Reservations.Grains.Mail;

/// <summary>The outbox as stored, oldest message first.</summary>
[GenerateSerializer, Alias("reservations.mail-outbox-state")]
public sealed class MailOutboxState
{
    [Id(0)]
    public long LastId { get; set; }

    [Id(1)]
    public List<OutboxMessage> Messages { get; set; } = [];
}
