namespace Reservations.LoadTest.Invariants;

/// <summary>Every confirm we sent with one reservation token and one paymentId (repeated Pay clicks included).</summary>
public sealed record ConfirmAttempt(string SeatId, string PaymentId, IReadOnlyList<ConfirmReply> Replies);
