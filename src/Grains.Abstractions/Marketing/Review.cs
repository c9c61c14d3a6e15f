namespace Reservations.Grains.Marketing;

/// <summary>A testimonial; the marketing page shows it once the admin approved it.</summary>
[GenerateSerializer, Immutable, Alias("reservations.review")]
public sealed record Review(
    [property: Id(0)] long Id,
    [property: Id(1)] string Author,
    [property: Id(2)] int Rating,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset SubmittedAt,
    [property: Id(5)] bool Approved);
