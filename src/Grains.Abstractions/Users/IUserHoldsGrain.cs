namespace Reservations.Grains.Users;

/// <summary>
/// The live single-seat holds of one user (key: appId/userId), so a user cannot hold more than the
/// app allows. A seat that grants a hold asks it first, one call at a time, so parallel holds cannot
/// overshoot; it keeps each hold's end in memory and forgets it then, or sooner when told the hold was
/// released or booked, and follows extensions.
/// </summary>
[Alias("reservations.user-holds")]
public interface IUserHoldsGrain : IGrainWithStringKey
{
    /// <summary>Counts the seat's hold (its id within the app) until <paramref name="heldUntil"/>; false when the user already has <paramref name="maxHolds"/> other live holds.</summary>
    Task<bool> TryCountAsync(string seatId, DateTimeOffset heldUntil, int maxHolds);

    /// <summary>The hold of that seat was released or booked: it no longer counts.</summary>
    Task ForgetAsync(string seatId);

    /// <summary>The hold of that seat now lasts until <paramref name="heldUntil"/>.</summary>
    Task ExtendAsync(string seatId, DateTimeOffset heldUntil);
}
