namespace Reservations.LoadTest.Invariants;

/// <summary>One answer to POST /confirm-booking (status 0: no answer); a 503 may say when to try again.</summary>
public sealed record ConfirmReply(int Status, string? BookingId, DateTimeOffset ReceivedAt, TimeSpan? RetryAfter = null);
