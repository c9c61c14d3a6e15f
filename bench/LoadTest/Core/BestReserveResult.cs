namespace Reservations.LoadTest.Core;

/// <summary>A POST /reserve-best answer: when granted (201), the group's token, expiry and the seats the engine chose.</summary>
public readonly record struct BestReserveResult(int Status, string? ReservationToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> SeatIds, DateTimeOffset ReceivedAt)
{
    public bool Granted => Status == 201 && ReservationToken is not null;
}
