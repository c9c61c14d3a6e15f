namespace Reservations.Grains.Marketing;

/// <summary>The kept contact messages, oldest first, and the last id given out.</summary>
[GenerateSerializer, Alias("reservations.contact-inbox-state")]
public sealed class ContactInboxState
{
    [Id(0)]
    public long LastId { get; set; }

    [Id(1)]
    public List<ContactMessage> Messages { get; set; } = [];
}
