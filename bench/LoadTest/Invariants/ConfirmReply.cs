namespace Reservations.LoadTest.Invariants;

/// <summary>One answer to POST /confirm-booking (status 0: no answer).</summary>
public sealed record ConfirmReply(int Status, string? BookingId, DateTimeOffset ReceivedAt);
