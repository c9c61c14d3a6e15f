namespace Reservations.Grains.Seats;

/// <summary>How a release ended.</summary>
public enum ReleaseOutcome
{
    /// <summary>The hold is gone; the seat is available.</summary>
    Released,
    /// <summary>The token holds nothing any more (expired, released, or the seat was booked).</summary>
    Expired,
    /// <summary>The token is someone else's.</summary>
    NotHolder,
    /// <summary>No such seat.</summary>
    NotFound,
}
