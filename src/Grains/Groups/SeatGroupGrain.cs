using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Reservations.Grains.Seats;
using Reservations.Grains.Tenants;

using Reservations.Grains.Users;

namespace Reservations.Grains.Groups;

/// <summary>
/// A group hold: a coordinator over seats, never an authority. A hold asks the seats one by one in
/// ordinal order and, at the first refusal, releases those it got; confirm and release go to every
/// seat with the group's token, which each seat checks against the hash it stores. Seats never call
/// a group and a group never calls another, so no turn waits in a cycle (docs/decisions.md).
/// </summary>
public sealed class SeatGroupGrain(
    [PersistentState("seat-group")] IPersistentState<SeatGroupState> group,
    TimeProvider time,
    IOptions<ReservationOptions> options) : Grain, ISeatGroupGrain
{
    private SeatGroupState State => group.State;

    private string AppId => GrainKeys.AppOf(this.GetPrimaryKeyString());

    async Task<GroupHoldResult> ISeatGroupGrain.TryHoldAsync(string userId, ImmutableArray<string> seatIds, int maxUserHolds, string? channel)
    {
        if (State.TokenHash is not null)
        {
            throw new InvalidOperationException("A group id is used for one hold only.");
        }

        var token = $"{GrainKeys.IdOf(this.GetPrimaryKeyString())}.{Secrets.NewToken()}";
        var hold = new GroupHold(Secrets.Sha256(token), userId, time.GetUtcNow() + options.Value.HoldDuration, channel);
        var ordered = seatIds.Sort(StringComparer.Ordinal);
        var counted = maxUserHolds > 0;
        if (counted && !await HoldsOf(userId).TryCountAsync(ordered, hold.HeldUntil, maxUserHolds))
        {
            return new GroupHoldResult(GroupHoldOutcome.TooManyHolds, []);
        }

        var granted = new List<ISeatGrain>(ordered.Length);
        try
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                var seat = Seat(ordered[i]);
                var result = await seat.TryHoldForGroupAsync(hold);
                if (result.Outcome != HoldOutcome.Granted)
                {
                    await ReleaseSeatsAsync(granted, token, userId);
                    await ForgetAsync(counted, userId, ordered);
                    return result.Outcome == HoldOutcome.NotFound
                        ? new GroupHoldResult(GroupHoldOutcome.NotFound, [ordered[i]])
                        : await RefusalAsync(ordered, i);
                }

                granted.Add(seat);
            }

            group.State = new SeatGroupState
            {
                TokenHash = hold.TokenHash, UserId = userId, SeatIds = [.. ordered], HeldUntil = hold.HeldUntil, StartedAt = hold.HeldUntil - options.Value.HoldDuration,
            };
            await group.WriteStateAsync();
        }
        catch (Exception) when (granted.Count > 0)
        {
            // Nobody hears of a token: the seats this request got go back now rather than at expiry.
            group.State = new SeatGroupState();
            await ReleaseSeatsAsync(granted, token, userId);
            await ForgetAsync(counted, userId, ordered);
            throw;
        }

        return new GroupHoldResult(GroupHoldOutcome.Granted, ordered, token, hold.HeldUntil);
    }

    async Task<GroupConfirmResult> ISeatGroupGrain.ConfirmAsync(string reservationToken, string? userId, string paymentId)
    {
        if (State.TokenHash is not { } hash || !Secrets.Matches(reservationToken, hash))
        {
            return Refused(GroupConfirmOutcome.Expired);
        }

        if (State.PaymentId is { } paid && !string.Equals(paid, paymentId, StringComparison.Ordinal))
        {
            return Refused(GroupConfirmOutcome.TokenUsed);
        }

        if (userId is not null && !string.Equals(State.UserId, userId, StringComparison.Ordinal))
        {
            return Refused(GroupConfirmOutcome.NotHolder);
        }

        if (State.PaymentId is null)
        {
            if (State.Released || State.HeldUntil <= time.GetUtcNow())
            {
                return Refused(GroupConfirmOutcome.Expired);
            }

            // The payment is chosen before any seat is booked: a retry after a crash finishes this one.
            State.PaymentId = paymentId;
            try
            {
                await group.WriteStateAsync();
            }
            catch (Exception)
            {
                State.PaymentId = null;
                throw;
            }
        }

        var results = await Task.WhenAll(State.SeatIds.Select(id => Seat(id).ConfirmAsync(reservationToken, State.UserId, paymentId)));
        var bookings = ImmutableArray.CreateBuilder<Booking>(results.Length);
        var lost = ImmutableArray.CreateBuilder<string>();
        var booked = false;
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is { Outcome: ConfirmOutcome.Booked or ConfirmOutcome.AlreadyBooked, Booking: { } booking })
            {
                bookings.Add(booking);
                booked |= results[i].Outcome == ConfirmOutcome.Booked;
            }
            else
            {
                lost.Add(State.SeatIds[i]);
            }
        }

        var outcome = lost.Count == 0 ? (booked ? GroupConfirmOutcome.Booked : GroupConfirmOutcome.AlreadyBooked)
            : bookings.Count == 0 ? GroupConfirmOutcome.Expired
            : GroupConfirmOutcome.Incomplete;
        if (booked && State.UserId is { } holder)
        {
            await HoldsOf(holder).ForgetAsync([.. State.SeatIds]);
        }

        return new GroupConfirmResult(outcome, bookings.ToImmutable(), lost.ToImmutable());
    }

    async Task<HoldChange> ISeatGroupGrain.ExtendAsync(string reservationToken, string userId)
    {
        if (Check(reservationToken, userId) is { } refused)
        {
            return refused;
        }

        var limits = await HoldLimitsAsync();
        var change = HoldTerms.Extend(limits, State.HeldUntil, State.StartedAt, State.Extensions, State.PaymentStartedAt is not null);
        return change.Outcome == HoldChangeOutcome.Changed
            ? await MoveHoldAsync(reservationToken, userId, change.HeldUntil!.Value, State.Extensions + 1, State.PaymentStartedAt, limits)
            : change;
    }

    async Task<HoldChange> ISeatGroupGrain.StartPaymentAsync(string reservationToken, string userId)
    {
        if (Check(reservationToken, userId) is { } refused)
        {
            return refused;
        }

        if (State.PaymentStartedAt is not null)
        {
            return new HoldChange(HoldChangeOutcome.Changed, State.HeldUntil, State.SeatIds);
        }

        var limits = await HoldLimitsAsync();
        var now = time.GetUtcNow();
        return await MoveHoldAsync(reservationToken, userId, HoldTerms.Paying(limits, State.HeldUntil, now), State.Extensions, now, limits);
    }

    async Task<GroupReleaseResult> ISeatGroupGrain.ReleaseAsync(string reservationToken, string userId)
    {
        if (State.TokenHash is not { } hash || !Secrets.Matches(reservationToken, hash))
        {
            return new GroupReleaseResult(ReleaseOutcome.Expired, []);
        }

        if (!string.Equals(State.UserId, userId, StringComparison.Ordinal))
        {
            return new GroupReleaseResult(ReleaseOutcome.NotHolder, []);
        }

        if (State.PaymentId is not null || State.Released || State.HeldUntil <= time.GetUtcNow())
        {
            return new GroupReleaseResult(ReleaseOutcome.Expired, []);
        }

        // Seats first: a crash before the group's write leaves a group a retry releases again.
        await ReleaseSeatsAsync([.. State.SeatIds.Select(Seat)], reservationToken, userId);
        State.Released = true;
        await group.WriteStateAsync();
        await HoldsOf(userId).ForgetAsync([.. State.SeatIds]);
        return new GroupReleaseResult(ReleaseOutcome.Released, [.. State.SeatIds]);
    }

    private HoldChange? Check(string reservationToken, string userId) =>
        State.TokenHash is not { } hash || !Secrets.Matches(reservationToken, hash) ? HoldChange.Expired
        : !string.Equals(State.UserId, userId, StringComparison.Ordinal) ? HoldChange.NotHolder
        : State.PaymentId is not null || State.Released || State.HeldUntil <= time.GetUtcNow() ? HoldChange.Expired
        : null;

    // Seats first, then the group: every seat takes the group's end (never shortening its own), so
    // a retry after a crash in between sends the same or a later end and changes nothing twice.
    private async Task<HoldChange> MoveHoldAsync(string token, string userId, DateTimeOffset heldUntil, int extensions, DateTimeOffset? paymentStartedAt, HoldLimits limits)
    {
        var paying = paymentStartedAt is not null;
        var moved = await Task.WhenAll(State.SeatIds.Select(id => Seat(id).HoldUntilAsync(token, userId, heldUntil, paying)));
        if (moved.Any(m => m.Outcome != HoldChangeOutcome.Changed))
        {
            return HoldChange.Expired; // a seat's hold ended first: the group cannot be kept whole
        }

        var previous = (State.HeldUntil, State.Extensions, State.PaymentStartedAt);
        (State.HeldUntil, State.Extensions, State.PaymentStartedAt) = (heldUntil, extensions, paymentStartedAt);
        try
        {
            await group.WriteStateAsync();
        }
        catch (Exception)
        {
            (State.HeldUntil, State.Extensions, State.PaymentStartedAt) = previous;
            throw;
        }

        await HoldsOf(userId).ExtendAsync([.. State.SeatIds], heldUntil);
        return new HoldChange(
            HoldChangeOutcome.Changed, heldUntil, State.SeatIds, HoldTerms.ExtensionsLeft(limits, heldUntil, State.StartedAt, extensions, paymentStartedAt is not null));
    }

    private async Task<HoldLimits> HoldLimitsAsync() =>
        (await GrainFactory.Reference<ITenantGrain>(GrainKeys.AppOf(this.GetPrimaryKeyString())).GetAsync())?.HoldLimits ?? options.Value.HoldLimits;

    private static GroupConfirmResult Refused(GroupConfirmOutcome outcome) => new(outcome, [], []);

    private IUserHoldsGrain HoldsOf(string userId) => GrainFactory.Reference<IUserHoldsGrain>(GrainKeys.Scoped(AppId, userId));

    private Task ForgetAsync(bool counted, string userId, ImmutableArray<string> seatIds) => counted ? HoldsOf(userId).ForgetAsync(seatIds) : Task.CompletedTask;

    private static Task ReleaseSeatsAsync(IReadOnlyList<ISeatGrain> seats, string token, string userId) =>
        Task.WhenAll(seats.Select(seat => seat.ReleaseAsync(token, userId)));

    // The seat that refused, and those after it that are held or booked now (read, not held).
    private async Task<GroupHoldResult> RefusalAsync(ImmutableArray<string> ordered, int refused)
    {
        var rest = ordered[(refused + 1)..];
        var views = await Task.WhenAll(rest.Select(id => Seat(id).GetAsync()));
        var unknown = rest.Where((_, i) => views[i] is null).ToImmutableArray();
        return unknown.Length > 0
            ? new GroupHoldResult(GroupHoldOutcome.NotFound, unknown)
            : new GroupHoldResult(GroupHoldOutcome.Unavailable, [ordered[refused], .. rest.Where((_, i) => views[i]!.Status != SeatStatus.Available)]);
    }

    private ISeatGrain Seat(string seatId) => GrainFactory.Reference<ISeatGrain>(GrainKeys.Scoped(AppId, seatId));
}
