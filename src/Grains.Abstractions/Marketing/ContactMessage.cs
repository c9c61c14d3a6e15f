namespace Reservations.Grains.Marketing;

/// <summary>A message sent through the marketing page's contact form.</summary>
[GenerateSerializer, Immutable, Alias("reservations.contact-message")]
public sealed record ContactMessage(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset ReceivedAt);
