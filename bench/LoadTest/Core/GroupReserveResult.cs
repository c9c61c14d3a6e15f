namespace Reservations.LoadTest.Core;

/// <summary>The answer to POST /reserve-seats: 201 carries the group's token and its end (status 0: no answer).</summary>
public readonly record struct GroupReserveResult(int Status, string? ReservationToken, DateTimeOffset ExpiresAt, DateTimeOffset ReceivedAt)
{
    public bool Granted => Status == 201 && ReservationToken is not null;
}
