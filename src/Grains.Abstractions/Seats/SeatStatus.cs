namespace Reservations.Grains.Seats;

/// <summary>A seat's status as customers see it.</summary>
public enum SeatStatus
{
    /// <summary>Free to hold.</summary>
    Available,
    /// <summary>Held by someone until HeldUntil.</summary>
    Held,
    /// <summary>Booked for good.</summary>
    Booked,
}
