using System.Collections.Immutable;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Groups;

/// <summary>
/// A group hold (key: appId/groupId, a new random id per request): holds several seats under one
/// token, all or none, and confirms or releases them together. It only coordinates: it calls seats,
/// one by one, and no seat ever calls it, so two groups racing cannot deadlock; each seat still
/// decides its own hold, booking and expiry (I1, I2, I5).
/// </summary>
[Alias("reservations.seat-group")]
public interface ISeatGroupGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds every seat for the user, or none of them. With <paramref name="maxUserHolds"/> above 0 the
    /// seats are first counted by the user's holds grain, as a seat's hold is, and refused as
    /// <see cref="GroupHoldOutcome.TooManyHolds"/> when they would pass the limit.
    /// </summary>
    /// <para>Seats kept for a sales channel are held only for that <paramref name="channel"/>.</para>
    Task<GroupHoldResult> TryHoldAsync(string userId, ImmutableArray<string> seatIds, int maxUserHolds = 0, string? channel = null);

    /// <summary>
    /// Books every seat of the group with one paymentId; a repeat with the same paymentId completes and
    /// returns the same bookings. <paramref name="userId"/> null: the app's server vouches, for whoever holds the group.
    /// </summary>
    Task<GroupConfirmResult> ConfirmAsync(string reservationToken, string? userId, string paymentId);

    /// <summary>Extends the group's hold (every seat's) within the limits of a hold.</summary>
    Task<HoldChange> ExtendAsync(string reservationToken, string userId);

    /// <summary>Marks the group's hold as paying, as a seat's (every seat's).</summary>
    Task<HoldChange> StartPaymentAsync(string reservationToken, string userId);

    /// <summary>Releases every seat of the group, if the user holds it.</summary>
    Task<GroupReleaseResult> ReleaseAsync(string reservationToken, string userId);
}
