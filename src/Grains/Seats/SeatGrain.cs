using System.Text.Json;
using Microsoft.Extensions.Options;
using Reservations.Grains.Usage;
using Reservations.Runtime;

namespace Reservations.Grains.Seats;

/// <summary>
/// One seat: Available -> Held -> Booked. Refusals are answered from memory, with no storage I/O
/// and no allocation, so a hot seat costs little per loser. Every state change a caller hears of
/// is written first; a failed write restores the previous in-memory state.
/// </summary>
public sealed class SeatGrain(
    [PersistentState("seat")] IPersistentState<SeatState> seat,
    IOptions<ReservationOptions> options,
    UsageMeter usage) : Grain, ISeatGrain
{
    /// <summary>The reminder that frees an expired hold in storage.</summary>
    public const string HoldExpiryReminder = "hold-expiry";

    private static readonly Task<HoldResult> Unavailable = Task.FromResult(HoldResult.Unavailable);
    private static readonly Task<HoldResult> NotFound = Task.FromResult(HoldResult.NotFound);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _holdDuration = options.Value.HoldDuration;
    private UsageCounters _usage = null!;
    private IGrainReminder? _reminder;

    private SeatState State => seat.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _usage = usage.For(slash > 0 ? key[..slash] : key);
        return Task.CompletedTask;
    }

    async Task<bool> ISeatGrain.InitializeAsync(SeatDefinition definition)
    {
        if (State.Definition is not null)
        {
            return false;
        }

        if (GrainKeys.Scoped(definition.AppId, definition.SeatId) != GetPrimaryKeyString())
        {
            throw new ArgumentException($"The definition of {definition.AppId}/{definition.SeatId} does not belong to seat {GetPrimaryKeyString()}.", nameof(definition));
        }

        await WriteAsync(new SeatState { Definition = definition, Status = SeatStatus.Available });
        return true;
    }

    Task<SeatView?> ISeatGrain.GetAsync()
    {
        if (State.Definition is not { } definition)
        {
            return Task.FromResult<SeatView?>(null);
        }

        var now = TimeProvider.GetUtcNow();
        var status = State.Status == SeatStatus.Held && !IsLiveHold(now) ? SeatStatus.Available : State.Status;
        var heldUntil = status == SeatStatus.Held ? State.HeldUntil : null;
        return Task.FromResult<SeatView?>(new SeatView(definition.SeatId, definition.EntityId, definition.SeatNumber, definition.Price, status, heldUntil));
    }

    Task<HoldResult> ISeatGrain.TryHoldAsync(string userId)
    {
        if (State.Definition is null)
        {
            return NotFound;
        }

        if (State.Status == SeatStatus.Booked || IsLiveHold(TimeProvider.GetUtcNow()))
        {
            _usage.CountHoldRefused();
            return Unavailable;
        }

        return HoldAsync(userId);
    }

    async Task<ReleaseOutcome> ISeatGrain.ReleaseAsync(string reservationToken, string userId)
    {
        if (State.Definition is null)
        {
            return ReleaseOutcome.NotFound;
        }

        if (!IsLiveHold(TimeProvider.GetUtcNow()) || !Secrets.Matches(reservationToken, State.HoldTokenHash))
        {
            return ReleaseOutcome.Expired;
        }

        if (!string.Equals(State.HolderUserId, userId, StringComparison.Ordinal))
        {
            return ReleaseOutcome.NotHolder;
        }

        await WriteAsync(new SeatState { Definition = State.Definition, Status = SeatStatus.Available });
        _usage.CountRelease();
        await UnregisterHoldExpiryAsync();
        return ReleaseOutcome.Released;
    }

    Task<ConfirmResult> ISeatGrain.ConfirmAsync(string reservationToken, string userId, string paymentId)
    {
        if (State.Definition is null)
        {
            return Task.FromResult(ConfirmResult.NotFound);
        }

        if (State is { Status: SeatStatus.Booked, Booking: { } booking, BookingTokenHash: { } bookingTokenHash }
            && Secrets.Matches(reservationToken, bookingTokenHash))
        {
            // Whoever holds the token may repeat the confirmation, but only the holder sees the booking.
            return Task.FromResult(
                !string.Equals(booking.PaymentId, paymentId, StringComparison.Ordinal) ? ConfirmResult.TokenUsed
                : !string.Equals(booking.UserId, userId, StringComparison.Ordinal) ? ConfirmResult.NotHolder
                : new ConfirmResult(ConfirmOutcome.AlreadyBooked, booking));
        }

        var now = TimeProvider.GetUtcNow();
        if (!IsLiveHold(now) || !Secrets.Matches(reservationToken, State.HoldTokenHash))
        {
            return Task.FromResult(ConfirmResult.Expired);
        }

        if (!string.Equals(State.HolderUserId, userId, StringComparison.Ordinal))
        {
            return Task.FromResult(ConfirmResult.NotHolder);
        }

        return BookAsync(userId, paymentId, now);
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldExpiryReminder)
        {
            return;
        }

        // At least once, possibly late: only an expired hold is freed, and a repeat finds nothing to do.
        if (State.Status == SeatStatus.Held && !IsLiveHold(TimeProvider.GetUtcNow()))
        {
            await WriteAsync(new SeatState { Definition = State.Definition, Status = SeatStatus.Available });
            _usage.CountExpiry();
        }

        if (State.Status != SeatStatus.Held)
        {
            await UnregisterHoldExpiryAsync();
        }
    }

    private bool IsLiveHold(DateTimeOffset now) => State.Status == SeatStatus.Held && State.HeldUntil > now;

    private async Task<HoldResult> HoldAsync(string userId)
    {
        var definition = State.Definition!;
        var token = $"{definition.SeatId}.{Secrets.NewToken()}";
        var heldUntil = TimeProvider.GetUtcNow() + _holdDuration;
        await WriteAsync(new SeatState
        {
            Definition = definition,
            Status = SeatStatus.Held,
            HoldTokenHash = Secrets.Sha256(token),
            HolderUserId = userId,
            HeldUntil = heldUntil,
        });
        _usage.CountHoldGranted();
        _reminder = await RegisterOrUpdateReminder(HoldExpiryReminder, _holdDuration, ReminderPeriod);
        return new HoldResult(HoldOutcome.Granted, token, heldUntil);
    }

    private async Task<ConfirmResult> BookAsync(string userId, string paymentId, DateTimeOffset now)
    {
        var definition = State.Definition!;
        var booking = new Booking(
            "BK-" + Secrets.NewToken(),
            definition.AppId,
            definition.SeatId,
            definition.EntityId,
            definition.SeatNumber,
            definition.Price,
            userId,
            paymentId,
            now);
        var record = new UniqueRecord(
            Booking.RecordKind,
            definition.AppId,
            definition.SeatId,
            userId,
            now,
            JsonSerializer.Serialize(booking, GrainsAbstractionsJsonContext.Default.Booking));

        // The seat's Booked state and the booking row commit together, or neither does (I2, I4).
        await WriteAsync(
            new SeatState { Definition = definition, Status = SeatStatus.Booked, Booking = booking, BookingTokenHash = State.HoldTokenHash },
            record);
        _usage.CountConfirmation();
        await UnregisterHoldExpiryAsync();
        return new ConfirmResult(ConfirmOutcome.Booked, booking);
    }

    private async Task WriteAsync(SeatState next, UniqueRecord? record = null)
    {
        var previous = seat.State;
        seat.State = next;
        try
        {
            await (record is null ? seat.WriteStateAsync() : seat.WriteStateAsync(record));
        }
        catch
        {
            // Whatever storage said (a duplicate booking row, an outage), this activation must not
            // believe in a change that may not be stored; an ETag mismatch then forces a reload.
            seat.State = previous;
            throw;
        }
    }

    private async Task UnregisterHoldExpiryAsync()
    {
        var reminder = _reminder ?? await GetReminder(HoldExpiryReminder);
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }

        _reminder = null;
    }
}
