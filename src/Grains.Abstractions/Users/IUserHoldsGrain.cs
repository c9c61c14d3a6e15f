using Reservations.Grains.Seats;

namespace Reservations.Grains.Users;

/// <summary>
/// The live single-seat holds of one user (key: appId/userId), so a user cannot hold more than the
/// app allows. Holds go through it one at a time, so parallel attempts cannot overshoot; it keeps each
/// hold's end in memory and forgets it then, or sooner when told the hold was released, booked or
/// extended.
/// </summary>
[Alias("reservations.user-holds")]
public interface IUserHoldsGrain : IGrainWithStringKey
{
    /// <summary>Holds the seat (its id within the app) for the user, unless the user already has <paramref name="maxHolds"/> live holds.</summary>
    Task<HoldResult> TryHoldAsync(string seatId, int maxHolds);

    /// <summary>The hold of that seat was released or booked: it no longer counts.</summary>
    Task ForgetAsync(string seatId);

    /// <summary>The hold of that seat now lasts until <paramref name="heldUntil"/>.</summary>
    Task ExtendAsync(string seatId, DateTimeOffset heldUntil);
}
