using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Reservations.Grains.Bookings;
using Reservations.Grains.Groups;
using Reservations.Grains.Inventory;
using Reservations.Grains.Tenants;
using Reservations.Grains.Usage;
using Reservations.Grains.Webhooks;

using Reservations.Grains.Users;

namespace Reservations.Grains.Seats;

/// <summary>
/// One seat: Available -> Held -> Booked. Refusals are answered from memory, with no storage I/O and
/// no allocation, so a hot seat costs little per loser; once it has refused someone, it publishes until
/// when it refuses (<see cref="SeatRefusals"/>), and an API in its process answers its losers itself.
/// Every change a caller hears of is written first (one state write per hold, release or booking); a
/// failed write restores the previous state in memory. A booking is written to the seat, then to the
/// ledger; a seat that finds its booking missing from the ledger (on activation) records it again
/// (I2, I4); a seat sold without a contest deactivates at once. After each change the seat tells its
/// catalog page, one way, so listings never call seats. A change that ends a hold makes the webhook
/// events the app's endpoints subscribed to: stored in the seat's state with the change, then recorded
/// in the outbox before the caller hears the answer (docs/webhooks.md).
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class SeatGrain(
    [PersistentState("seat")] IPersistentState<SeatState> seat,
    IBookingLedger ledger,
    IWebhookOutbox outbox,
    WebhookSubscriptions webhooks,
    UsageMeter usage,
    SeatRefusals refusals,
    CatalogPageCache catalog,
    TimeProvider time,
    IOptions<ReservationOptions> options,
    ILogger<SeatGrain> logger) : Grain, ISeatGrain
{
    private static readonly Task<HoldResult> Unavailable = Task.FromResult(HoldResult.Unavailable);
    private static readonly Task<HoldResult> NotFound = Task.FromResult(HoldResult.NotFound);
    private static readonly Task<HoldResult> ReservedForChannel = Task.FromResult(HoldResult.ReservedForChannel);
    private static readonly Task<ConfirmResult> ConfirmNotFound = Task.FromResult(ConfirmResult.NotFound);
    private static readonly Task<ConfirmResult> ConfirmExpired = Task.FromResult(ConfirmResult.Expired);
    private static readonly Task<ConfirmResult> ConfirmNotHolder = Task.FromResult(ConfirmResult.NotHolder);
    private static readonly Task<ConfirmResult> ConfirmTokenUsed = Task.FromResult(ConfirmResult.TokenUsed);

    private readonly TimeSpan _holdDuration = options.Value.HoldDuration;
    private SeatDefinition? _definition;
    private IInventoryPageGrain? _page;
    private int _slot;
    private UsageCounters _usage = null!;
    private bool _ledgerRecorded;
    private bool _eventsRecorded;
    private SeatRefusals.Window? _refusals;

    private SeatState State => seat.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var appId = GrainKeys.AppOf(key);
        _usage = usage.For(appId);
        var seatId = GrainKeys.IdOf(key);
        if (SeatAddress.TryParse(seatId, out var address))
        {
            var pageKey = InventoryPages.Key(appId, address.EntityId, address.Page);
            _page = GrainFactory.Reference<IInventoryPageGrain>(pageKey);
            _slot = address.Slot;
            if (await catalog.GetAsync(pageKey, _page, address.Slot) is { } spec)
            {
                _definition = new SeatDefinition(appId, seatId, address.EntityId, spec.SeatNumber, spec.Price, spec.Category);
            }
        }

        if (_definition is null)
        {
            return; // no such seat: every call answers NotFound until the activation is collected
        }

        if (StatusAt(time.GetUtcNow()) != SeatStatus.Available || State.Channel is not null)
        {
            TellPage(); // the page's view may have missed this seat's last change (a crash); a dead hold it need not hear of
        }

        if (State.Booking is { } booking)
        {
            // The ledger catches up from the seat. Reading is enough to know it need not: only a
            // crash between the two writes leaves a booking to record again.
            _ledgerRecorded = (await ledger.FindBookedAsync(booking.AppId, [booking.SeatId])).Contains(booking.SeatId);
            await RecordBookingAsync();
        }

        await RecordEventsAsync(afterActivation: true); // so does the outbox
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_refusals is not null)
        {
            refusals.Close(this.GetPrimaryKeyString(), _refusals);
        }

        return Task.CompletedTask;
    }

    Task<SeatView?> ISeatGrain.GetAsync()
    {
        if (_definition is not { } definition)
        {
            return Task.FromResult<SeatView?>(null);
        }

        var status = StatusAt(time.GetUtcNow());
        return Task.FromResult<SeatView?>(new SeatView(
            definition.SeatId, definition.EntityId, definition.SeatNumber, definition.Price, status, status == SeatStatus.Held ? State.HeldUntil : null,
            Category: definition.Category));
    }

    Task<HoldResult> ISeatGrain.TryHoldAsync(string userId, int maxUserHolds, string? channel)
    {
        if (_definition is null)
        {
            return NotFound;
        }

        if (State.Status == SeatStatus.Booked || IsLiveHold(time.GetUtcNow()))
        {
            _usage.CountHoldRefused();
            if (_refusals is null)
            {
                // From now on every stored change republishes it; after a failed write it stays clear.
                _refusals = refusals.Open(this.GetPrimaryKeyString(), _usage);
                _refusals.RefuseUntil(RefusesUntil());
            }

            return Unavailable;
        }

        if (State.Channel is not null && !string.Equals(State.Channel, channel, StringComparison.Ordinal))
        {
            _usage.CountHoldRefused();
            return ReservedForChannel;
        }

        return maxUserHolds > 0 ? CountedHoldAsync(userId, maxUserHolds) : HoldAsync(userId);
    }

    // Only a hold that wins the seat is counted: the user's holds grain never calls a seat, so waiting
    // for it here cannot deadlock, and a seat that is taken answers without it.
    private async Task<HoldResult> CountedHoldAsync(string userId, int maxUserHolds)
    {
        var holds = GrainFactory.Reference<IUserHoldsGrain>(GrainKeys.Scoped(GrainKeys.AppOf(this.GetPrimaryKeyString()), userId));
        if (!await holds.TryCountAsync([_definition!.SeatId], time.GetUtcNow() + _holdDuration, maxUserHolds))
        {
            return HoldResult.TooManyHolds;
        }

        return await HoldAsync(userId);
    }

    Task<HoldResult> ISeatGrain.TryHoldForGroupAsync(GroupHold hold)
    {
        if (_definition is null)
        {
            return NotFound;
        }

        if (State.Status == SeatStatus.Booked || IsLiveHold(time.GetUtcNow())
            || (State.Channel is not null && !string.Equals(State.Channel, hold.Channel, StringComparison.Ordinal)))
        {
            _usage.CountHoldRefused();
            return Unavailable;
        }

        return HoldForGroupAsync(hold);
    }

    async Task<bool> ISeatGrain.SetChannelAsync(string? channel)
    {
        if (_definition is null)
        {
            return false;
        }

        if (!string.Equals(State.Channel, channel, StringComparison.Ordinal))
        {
            // Whatever the seat's status, only the channel changes; the last change's events were recorded already.
            await WriteAsync(new SeatState
            {
                Status = State.Status, HoldTokenHash = State.HoldTokenHash, HolderUserId = State.HolderUserId, HeldUntil = State.HeldUntil,
                Booking = State.Booking, BookingTokenHash = State.BookingTokenHash, HoldStartedAt = State.HoldStartedAt, Extensions = State.Extensions,
                PaymentStartedAt = State.PaymentStartedAt, Version = State.Version + 1, Channel = channel,
            });
            TellPage();
        }

        return true;
    }

    async Task<ReleaseOutcome> ISeatGrain.ReleaseAsync(string reservationToken, string userId)
    {
        if (_definition is null)
        {
            return ReleaseOutcome.NotFound;
        }

        if (!IsLiveHold(time.GetUtcNow()) || !Secrets.Matches(reservationToken, State.HoldTokenHash))
        {
            return ReleaseOutcome.Expired;
        }

        if (!string.Equals(State.HolderUserId, userId, StringComparison.Ordinal))
        {
            return ReleaseOutcome.NotHolder;
        }

        var events = await EventsAsync(WebhookEventTypes.HoldReleased | WebhookEventTypes.SeatReleased, null);
        await WriteAsync(new SeatState { Status = SeatStatus.Available, Channel = State.Channel, Version = State.Version + 1, Events = events });
        _usage.CountRelease();
        TellPage();
        await RecordEventsAsync();
        return ReleaseOutcome.Released;
    }

    async Task<HoldChange> ISeatGrain.ExtendAsync(string reservationToken, string userId)
    {
        if (Check(reservationToken, userId) is { } refused)
        {
            return refused;
        }

        var limits = await HoldLimitsAsync();
        var change = HoldTerms.Extend(limits, State.HeldUntil!.Value, HoldStart(), State.Extensions, State.PaymentStartedAt is not null);
        return change.Outcome == HoldChangeOutcome.Changed ? await MoveHoldAsync(change.HeldUntil!.Value, State.Extensions + 1, State.PaymentStartedAt, limits) : change;
    }

    async Task<HoldChange> ISeatGrain.StartPaymentAsync(string reservationToken, string userId)
    {
        if (Check(reservationToken, userId) is { } refused)
        {
            return refused;
        }

        if (State.PaymentStartedAt is not null)
        {
            return new HoldChange(HoldChangeOutcome.Changed, State.HeldUntil); // a repeat: the grace counts from the first
        }

        var limits = await HoldLimitsAsync();
        var now = time.GetUtcNow();
        return await MoveHoldAsync(HoldTerms.Paying(limits, State.HeldUntil!.Value, now), State.Extensions, now, limits);
    }

    async Task<HoldChange> ISeatGrain.HoldUntilAsync(string reservationToken, string userId, DateTimeOffset heldUntil, bool paying)
    {
        if (Check(reservationToken, userId) is { } refused)
        {
            return refused;
        }

        var paymentStartedAt = State.PaymentStartedAt ?? (paying ? time.GetUtcNow() : null);
        return heldUntil <= State.HeldUntil && paymentStartedAt == State.PaymentStartedAt
            ? new HoldChange(HoldChangeOutcome.Changed, State.HeldUntil) // a group's retry: already so
            : await MoveHoldAsync(heldUntil > State.HeldUntil ? heldUntil : State.HeldUntil!.Value, paying ? State.Extensions : State.Extensions + 1, paymentStartedAt,
                options.Value.HoldLimits); // the group decided, and reports its own extensions left
    }

    Task<ConfirmResult> ISeatGrain.ConfirmAsync(string reservationToken, string? userId, string paymentId)
    {
        if (_definition is null)
        {
            return ConfirmNotFound;
        }

        if (State is { Status: SeatStatus.Booked, Booking: { } booking, BookingTokenHash: { } bookingTokenHash }
            && Secrets.Matches(reservationToken, bookingTokenHash))
        {
            // Whoever holds the token may repeat the confirmation, but only the holder sees the booking.
            return !string.Equals(booking.PaymentId, paymentId, StringComparison.Ordinal) ? ConfirmTokenUsed
                : userId is not null && !string.Equals(booking.UserId, userId, StringComparison.Ordinal) ? ConfirmNotHolder
                : ConfirmAgainAsync(booking);
        }

        var now = time.GetUtcNow();
        if (!IsLiveHold(now) || !Secrets.Matches(reservationToken, State.HoldTokenHash))
        {
            return ConfirmExpired;
        }

        return userId is null || string.Equals(State.HolderUserId, userId, StringComparison.Ordinal)
            ? BookAsync(State.HolderUserId!, paymentId, now)
            : ConfirmNotHolder;
    }

    async Task ISeatGrain.SweepAsync()
    {
        if (_definition is null)
        {
            return;
        }

        // Lazy expiry already decided (I5), and the page has freed its view and counted the expiry: a dead
        // hold in storage reads as a free seat, so it is written only to store the expiry's webhook events.
        if (State.Status == SeatStatus.Held && !IsLiveHold(time.GetUtcNow())
            && await EventsAsync(SeatEvents.HoldLapsed, null) is { } events)
        {
            await WriteAsync(new SeatState { Status = SeatStatus.Available, Channel = State.Channel, Version = State.Version + 1, Events = events });
            TellPage();
        }

        await RecordEventsAsync();
    }

    private HoldChange? Check(string reservationToken, string userId) =>
        _definition is null ? HoldChange.NotFound
        : !IsLiveHold(time.GetUtcNow()) || !Secrets.Matches(reservationToken, State.HoldTokenHash) ? HoldChange.Expired
        : !string.Equals(State.HolderUserId, userId, StringComparison.Ordinal) ? HoldChange.NotHolder
        : null;

    private async Task<HoldChange> MoveHoldAsync(DateTimeOffset heldUntil, int extensions, DateTimeOffset? paymentStartedAt, HoldLimits limits)
    {
        var startedAt = HoldStart();
        await WriteAsync(new SeatState
        {
            Channel = State.Channel,
            Status = SeatStatus.Held,
            HoldTokenHash = State.HoldTokenHash,
            HolderUserId = State.HolderUserId,
            HeldUntil = heldUntil,
            HoldStartedAt = State.HoldStartedAt,
            Extensions = extensions,
            PaymentStartedAt = paymentStartedAt,
            Version = State.Version + 1,
        });
        TellPage();
        return new HoldChange(
            HoldChangeOutcome.Changed, heldUntil, ExtensionsLeft: HoldTerms.ExtensionsLeft(limits, heldUntil, startedAt, extensions, paymentStartedAt is not null));
    }

    /// <summary>The app's hold limits, read from its tenant grain: only extensions and payment starts need them.</summary>
    private async Task<HoldLimits> HoldLimitsAsync() =>
        (await GrainFactory.Reference<ITenantGrain>(_definition!.AppId).GetAsync())?.HoldLimits ?? options.Value.HoldLimits;

    // A hold stored without its start (written before the field existed) counts from its end less one hold.
    private DateTimeOffset HoldStart() => State.HoldStartedAt ?? State.HeldUntil!.Value - _holdDuration;

    private bool IsLiveHold(DateTimeOffset now) => State.Status == SeatStatus.Held && State.HeldUntil > now;

    private SeatStatus StatusAt(DateTimeOffset now) =>
        State.Status == SeatStatus.Held && !IsLiveHold(now) ? SeatStatus.Available : State.Status;

    private async Task<HoldResult> HoldAsync(string userId)
    {
        var token = $"{_definition!.SeatId}.{Secrets.NewToken()}";
        var now = time.GetUtcNow();
        var heldUntil = now + _holdDuration;
        var events = await ExpiredHoldEventsAsync();
        await WriteAsync(new SeatState
        {
            Channel = State.Channel,
            Status = SeatStatus.Held,
            HoldTokenHash = Secrets.Sha256(token),
            HolderUserId = userId,
            HeldUntil = heldUntil,
            HoldStartedAt = now,
            Version = State.Version + 1,
            Events = events,
        });
        _usage.CountHoldGranted();
        TellPage();
        await RecordEventsAsync();
        return new HoldResult(HoldOutcome.Granted, token, heldUntil);
    }

    private async Task<HoldResult> HoldForGroupAsync(GroupHold hold)
    {
        var events = await ExpiredHoldEventsAsync();
        await WriteAsync(new SeatState
        {
            Channel = State.Channel,
            Status = SeatStatus.Held,
            HoldTokenHash = hold.TokenHash,
            HolderUserId = hold.UserId,
            HeldUntil = hold.HeldUntil,
            HoldStartedAt = hold.HeldUntil - _holdDuration,
            Version = State.Version + 1,
            Events = events,
        });
        _usage.CountHoldGranted();
        TellPage();
        await RecordEventsAsync();
        return new HoldResult(HoldOutcome.Granted, null, hold.HeldUntil);
    }

    private async Task<ConfirmResult> BookAsync(string userId, string paymentId, DateTimeOffset now)
    {
        var definition = _definition!;
        var booking = new Booking(
            "BK-" + Secrets.NewToken(),
            definition.AppId,
            definition.SeatId,
            definition.EntityId,
            definition.SeatNumber,
            definition.Price,
            userId,
            paymentId,
            WholeMicroseconds(now),
            definition.Category);

        // The seat's state decides (I2): once this write returns, the seat is booked for good.
        var events = await EventsAsync(WebhookEventTypes.BookingConfirmed, booking);
        await WriteAsync(new SeatState
        {
            Channel = State.Channel,
            Status = SeatStatus.Booked,
            Booking = booking,
            BookingTokenHash = State.HoldTokenHash,
            Version = State.Version + 1,
            Events = events,
        });
        _usage.CountConfirmation();
        TellPage();

        // The 201 waits for the ledger, so /my-bookings shows the booking at once, and for the
        // outbox. If either fails, the caller hears so and the next confirm, sweep or activation
        // records it. Both at once: on SQLite they share one group commit, one fsync.
        await Task.WhenAll(RecordBookingAsync(), RecordEventsAsync());
        if (_refusals is null)
        {
            // Nobody is queueing for a sold seat that refused no one: it goes now, while young, rather
            // than idle for two minutes in the collector's oldest generation. A contested seat stays
            // to refuse its crowd from memory.
            DeactivateOnIdle();
        }

        return new ConfirmResult(ConfirmOutcome.Booked, booking);
    }

    private async Task<ConfirmResult> ConfirmAgainAsync(Booking booking)
    {
        await Task.WhenAll(RecordBookingAsync(), RecordEventsAsync());
        return new ConfirmResult(ConfirmOutcome.AlreadyBooked, booking);
    }

    private async Task RecordBookingAsync()
    {
        if (_ledgerRecorded || State.Booking is not { } booking)
        {
            return;
        }

        try
        {
            await ledger.RecordAsync(booking);
        }
        catch (LedgerConflictException)
        {
            // The second line held (I2): the database refused another booking of this seat. Only a
            // bug can get here; say so loudly and keep refusing.
            GrainsLog.LedgerConflict(logger, booking.AppId, booking.SeatId, booking.BookingId);
            throw;
        }

        _ledgerRecorded = true;
    }

    /// <summary>The events of ending the current hold this way, if the app's endpoints want any.</summary>
    private async ValueTask<WebhookEvent[]?> EventsAsync(WebhookEventTypes types, Booking? booking)
    {
        var endpoints = await webhooks.GetAsync(_definition!.AppId);
        return endpoints.IsEmpty ? null
            : SeatEvents.Create(endpoints, types, _definition, State.HolderUserId ?? "", State.HeldUntil, booking, time.GetUtcNow());
    }

    /// <summary>A new hold replacing one that ended unconfirmed: that one expired.</summary>
    private ValueTask<WebhookEvent[]?> ExpiredHoldEventsAsync() =>
        State.Status == SeatStatus.Held ? EventsAsync(SeatEvents.HoldLapsed, null) : default;

    /// <summary>
    /// Puts the last change's events in the outbox (again, after activation: recording twice changes
    /// nothing) and tells their endpoints' dispatchers. A change hands its events over, to be sent from
    /// memory. After activation they may have been delivered long ago, so the dispatchers are only
    /// poked, and the outbox, which knows, decides what is still to send.
    /// </summary>
    private async Task RecordEventsAsync(bool afterActivation = false)
    {
        if (_eventsRecorded || State.Events is not { Length: > 0 } events)
        {
            _eventsRecorded = true;
            return;
        }

        await outbox.RecordAsync(events);
        _eventsRecorded = true;
        var recorded = ImmutableArray.Create(events);
        foreach (var endpointId in events.SelectMany(e => e.EndpointIds).Distinct())
        {
            var dispatcher = GrainFactory.Reference<IWebhookDispatcherGrain>(GrainKeys.Scoped(_definition!.AppId, endpointId));
            (afterActivation ? dispatcher.PokeAsync() : dispatcher.RecordedAsync(recorded)).Ignore();
        }
    }

    private async Task WriteAsync(SeatState next)
    {
        // The last change's events reach the outbox before this change replaces them in the state.
        await RecordEventsAsync();
        var previous = seat.State;
        seat.State = next;
        _refusals?.RefuseUntil(0); // until the change is stored, the API asks the seat
        try
        {
            await seat.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Whatever storage said, this activation must not believe in a change that may not be
            // stored. A stale activation (another one wrote first) goes away; the next call reloads.
            seat.State = previous;
            if (exception is InconsistentStateException)
            {
                DeactivateOnIdle();
            }

            throw;
        }

        _eventsRecorded = next.Events is null;
        _refusals?.RefuseUntil(RefusesUntil());
    }

    /// <summary>Until when the stored state refuses every hold: forever once booked, to the end of a hold, or not at all.</summary>
    private long RefusesUntil() =>
        State.Status == SeatStatus.Booked ? long.MaxValue : State.Status == SeatStatus.Held ? State.HeldUntil!.Value.UtcTicks : 0;

    // The ledger keeps microseconds (as PostgreSQL does): the booking it returns later is this one, exactly.
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    private void TellPage() => _page!.SeatChangedAsync(_slot, new SeatChange(State.Status, State.HeldUntil, State.Version, State.Channel)).Ignore();
}
