namespace Reservations.LoadTest.Core;

/// <summary>The answer to POST /reserve-seat: 201 carries the token and the hold's end (status 0: no answer).</summary>
public readonly record struct ReserveResult(int Status, string? ReservationToken, DateTimeOffset ExpiresAt, DateTimeOffset ReceivedAt)
{
    public bool Granted => Status == 201 && ReservationToken is not null;
}
