using System.Collections.Immutable;

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
    /// <summary>
    /// Counts the holds of these seats (ids within the app, one seat's or a group's) until
    /// <paramref name="heldUntil"/>, all or none; false when that would give the user more than
    /// <paramref name="maxHolds"/> live holds.
    /// </summary>
    Task<bool> TryCountAsync(ImmutableArray<string> seatIds, DateTimeOffset heldUntil, int maxHolds);

    /// <summary>The holds of these seats were released or booked: they no longer count.</summary>
    Task ForgetAsync(ImmutableArray<string> seatIds);

    /// <summary>The holds of these seats now last until <paramref name="heldUntil"/>.</summary>
    Task ExtendAsync(ImmutableArray<string> seatIds, DateTimeOffset heldUntil);
}
