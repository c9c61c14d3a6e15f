using Orleans.Concurrency;
using Reservations.Grains.Groups;

namespace Reservations.Grains.Seats;

/// <summary>
/// One seat (key: appId/seatId), the single authority for its holds and its booking:
/// Available -> Held(token, user, expiresAt) -> Booked(booking). A hold is dead at expiresAt even
/// before any cleanup runs (I5). Refusals are answered from memory.
/// </summary>
[Alias("reservations.seat")]
public interface ISeatGrain : IGrainWithStringKey
{
    /// <summary>The seat as a customer sees it now; null if no such seat.</summary>
    Task<SeatView?> GetAsync();

    /// <summary>
    /// Holds the seat for the user for the hold duration. With <paramref name="maxUserHolds"/> above 0 a
    /// granted hold is first counted by the user's <see cref="Users.IUserHoldsGrain"/>, and refused as
    /// <see cref="HoldOutcome.TooManyHolds"/> when the user already has that many; a refusal for a
    /// taken seat asks no one.
    /// </summary>
    /// <para>A seat kept for a sales channel is refused (<see cref="HoldOutcome.ReservedForChannel"/>) unless <paramref name="channel"/> names it.</para>
    Task<HoldResult> TryHoldAsync(string userId, int maxUserHolds = 0, string? channel = null);

    /// <summary>Holds the seat for a group (<see cref="ISeatGroupGrain"/>): the group's token hash, holder and expiry; no token is made.</summary>
    Task<HoldResult> TryHoldForGroupAsync(GroupHold hold);

    /// <summary>
    /// Keeps the seat for a sales channel, or (null) makes it public at once; a hold or booking it has stays.
    /// False if no such seat.
    /// </summary>
    Task<bool> SetChannelAsync(string? channel);

    /// <summary>Releases the hold the token grants, if the user holds it.</summary>
    Task<ReleaseOutcome> ReleaseAsync(string reservationToken, string userId);

    /// <summary>Extends the hold the token grants by <c>Reservations:HoldExtension</c>, within the limits.</summary>
    Task<HoldChange> ExtendAsync(string reservationToken, string userId);

    /// <summary>Marks the hold as paying: it lasts at least <c>Reservations:PaymentGrace</c> from the first such call.</summary>
    Task<HoldChange> StartPaymentAsync(string reservationToken, string userId);

    /// <summary>For a group: moves the live hold the token grants to end no earlier than <paramref name="heldUntil"/>, as the group decided.</summary>
    Task<HoldChange> HoldUntilAsync(string reservationToken, string userId, DateTimeOffset heldUntil, bool paying);

    /// <summary>
    /// Books the held seat exactly once per token; a repeat with the same paymentId gets the same booking.
    /// <paramref name="userId"/> must be the holder's; null when the app's server vouches for the payment
    /// (a signed payment notification), which books for whoever holds the token.
    /// </summary>
    Task<ConfirmResult> ConfirmAsync(string reservationToken, string? userId, string paymentId);

    /// <summary>Housekeeping the catalog asks for: an expired hold is freed in storage, a booking missing from the ledger is recorded.</summary>
    [OneWay]
    Task SweepAsync();
}
