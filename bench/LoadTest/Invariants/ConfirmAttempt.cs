namespace Reservations.LoadTest.Invariants;

/// <summary>
/// Every confirm we sent with one reservation token and one paymentId: repeated Pay clicks, and the retries of a confirm
/// answered 503 or not at all.
/// </summary>
public sealed record ConfirmAttempt(string SeatId, string PaymentId, IReadOnlyList<ConfirmReply> Replies);
