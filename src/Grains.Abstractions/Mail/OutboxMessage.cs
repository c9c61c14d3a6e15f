namespace Reservations.Grains.Mail;

/// <summary>A message in the outbox. <see cref="Body"/> is empty once it was sent or discarded.</summary>
[GenerateSerializer, Immutable, Alias("reservations.outbox-message")]
public sealed record OutboxMessage(
    [property: Id(0)] long Id,
    [property: Id(1)] string To,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Body,
    [property: Id(4)] OutboxStatus Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset NextAttemptAt,
    [property: Id(8)] DateTimeOffset? DiscardAfter,
    [property: Id(9)] string? LastError);
