namespace Reservations.Grains.Seats;

/// <summary>
/// A reservation token is "{seatId}.{128 random bits, base64url}": it names its seat, so a confirm
/// goes straight to the seat grain, which alone decides. Only the token's SHA-256 is stored.
/// </summary>
public static class ReservationToken
{
    /// <summary>The seat id a token names, or null when the token is malformed.</summary>
    public static string? SeatIdOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var dot = token.LastIndexOf('.');
        return dot > 0 && dot < token.Length - 1 ? token[..dot] : null;
    }
}
