using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Reservations.Grains.Bookings;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;
using Reservations.Grains.Usage;
using Reservations.Grains.Webhooks;

namespace Reservations.Grains.Inventory;

/// <summary>
/// A page of an entity's catalog: the definitions of up to <see cref="InventoryPages.Size"/> seats and
/// a view of their statuses, kept up to date by the seats' one-way notices, so that listing a page is
/// one grain call whatever its size (I8). The view is advisory; the seat grains decide.
/// <para>
/// It also owns the cleanup of expired holds: while any of its seats is held it keeps one reminder,
/// and each tick frees the holds that have ended in its view and its watchers' and counts them; their
/// seats are told only when webhook events are due, to store them. One reminder per page
/// rather than one per hold keeps reminder writes off the hold path (docs/performance.md counts them).
/// </para>
/// <para>
/// API processes showing the live seat map register as watchers (grain observers); the page hands each
/// change it accepts on to them, one way. Unwatched, a page sends nothing more than before.
/// </para>
/// </summary>
public sealed class InventoryPageGrain(
    [PersistentState("inventory-page")] IPersistentState<InventoryPageState> page,
    IBookingLedger ledger,
    WebhookSubscriptions webhooks,
    UsageMeter usage,
    TimeProvider time,
    ILogger<InventoryPageGrain> logger) : Grain, IInventoryPageGrain, IRemindable
{
    /// <summary>The reminder that sweeps expired holds.</summary>
    public const string SweepReminder = "hold-sweep";

    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private string _appId = "";
    private string _entityId = "";
    private int _firstOrdinal;
    private Slot[] _slots = [];
    private bool _checkpointStale;
    private ObserverManager<ISeatMapObserver>? _watchers;

    private InventoryPageState State => page.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var lastSlash = key.LastIndexOf('/');
        _appId = GrainKeys.AppOf(key);
        _entityId = key[(_appId.Length + 1)..lastSlash];
        _firstOrdinal = int.Parse(key.AsSpan(lastSlash + 1), System.Globalization.CultureInfo.InvariantCulture) * InventoryPages.Size;
        _slots = new Slot[State.Seats.Count];

        var now = time.GetUtcNow();
        foreach (var (slot, heldUntil) in State.Holds)
        {
            if (slot < _slots.Length && heldUntil > now)
            {
                _slots[slot] = new Slot(SeatStatus.Held, heldUntil, 0);
            }
        }

        foreach (var slot in State.Booked.Where(slot => slot < _slots.Length))
        {
            _slots[slot] = new Slot(SeatStatus.Booked, null, 0);
        }

        foreach (var (slot, channel) in State.Channels.Where(c => c.Key < _slots.Length))
        {
            _slots[slot] = _slots[slot] with { Channel = channel };
        }

        if (_slots.Length > 0)
        {
            var booked = await ledger.FindBookedAsync(_appId, [.. Enumerable.Range(0, _slots.Length).Select(SeatIdOf)]);
            for (var slot = 0; slot < _slots.Length; slot++)
            {
                if (booked.Contains(SeatIdOf(slot)))
                {
                    _slots[slot] = _slots[slot] with { Status = SeatStatus.Booked, HeldUntil = null };
                }
                else if (_slots[slot].Status == SeatStatus.Booked)
                {
                    // The seat reported a booking the ledger lacks (a crash between the two writes):
                    // waking the seat makes it record the booking again.
                    Seat(slot).SweepAsync().Ignore();
                }
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await SaveCheckpointAsync();
        }
        catch (Exception exception)
        {
            GrainsLog.PageCheckpointFailed(logger, this.GetPrimaryKeyString(), exception);
        }
    }

    Task<ImmutableArray<SeatSpec>> IInventoryPageGrain.GetSeatsAsync() =>
        Task.FromResult(ImmutableArray.CreateRange(State.Seats.Take(_slots.Length)));

    async Task IInventoryPageGrain.AddSeatsAsync(int firstSlot, ImmutableArray<SeatSpec> seats)
    {
        if (firstSlot != State.Seats.Count || firstSlot + seats.Length > InventoryPages.Size)
        {
            throw new InvalidOperationException(
                $"Page {this.GetPrimaryKeyString()} holds {State.Seats.Count} seats; it cannot take {seats.Length} from slot {firstSlot}.");
        }

        State.Seats.AddRange(seats);
        try
        {
            await page.WriteStateAsync();
        }
        catch
        {
            State.Seats.RemoveRange(firstSlot, seats.Length);
            throw;
        }

        // Only now, durable, do the new seats exist for anyone asking in between.
        Array.Resize(ref _slots, State.Seats.Count);
    }

    Task<ImmutableArray<SeatView>> IInventoryPageGrain.ListAsync()
    {
        var now = time.GetUtcNow();
        var views = ImmutableArray.CreateBuilder<SeatView>(_slots.Length);
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            var status = _slots[slot].StatusAt(now);
            var seat = State.Seats[slot];
            views.Add(new SeatView(
                SeatIdOf(slot), _entityId, seat.SeatNumber, seat.Price, status, status == SeatStatus.Held ? _slots[slot].HeldUntil : null, seat.Place, seat.Category,
                _slots[slot].Channel));
        }

        return Task.FromResult(views.MoveToImmutable());
    }

    async Task IInventoryPageGrain.SeatChangedAsync(int slot, SeatChange change)
    {
        if (slot < 0 || slot >= _slots.Length || (_slots[slot].Version != 0 && change.Version <= _slots[slot].Version))
        {
            return; // not a seat of this page, or older news than what the page has
        }

        var changed = _slots[slot].Status != change.Status || change.Status == SeatStatus.Held;
        var channelChanged = !string.Equals(_slots[slot].Channel, change.Channel, StringComparison.Ordinal);
        _slots[slot] = new Slot(change.Status, change.HeldUntil, change.Version, change.Channel);
        _checkpointStale |= changed || channelChanged;
        if (_watchers is { Count: > 0 })
        {
            var seatId = SeatIdOf(slot);
            await _watchers.Notify(watcher => watcher.SeatChangedAsync(seatId, change));
        }

        if (channelChanged)
        {
            await SaveCheckpointAsync(); // rare (an operator's change): listings show it after a restart too
        }

        if (change.Status == SeatStatus.Held && change.HeldUntil > time.GetUtcNow() && !State.SweepRegistered)
        {
            await EnsureSweepAsync(change.HeldUntil.Value);
        }
    }

    /// <summary>
    /// Registers the sweep unless the reminder table already has it: a page activated again after a crash
    /// does not know of the sweep its last activation registered, and registering again would move it.
    /// </summary>
    private async Task EnsureSweepAsync(DateTimeOffset heldUntil)
    {
        if (await this.GetReminder(SweepReminder) is null)
        {
            // The first sweep comes a period after this hold ends; lazy expiry has ended it by then (I5).
            var due = heldUntil - time.GetUtcNow() + SweepPeriod;
            await this.RegisterOrUpdateReminder(SweepReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, SweepPeriod);
        }

        State.SweepRegistered = true;
    }

    Task<ImmutableArray<SeatMapEntry>> IInventoryPageGrain.WatchAsync(ISeatMapObserver watcher)
    {
        // Expiry is infrastructure, on real time like Orleans' own timeouts, not on the grains' clock.
        _watchers ??= new ObserverManager<ISeatMapObserver>(SeatMapWatch.Expiry, logger);
        _watchers.Subscribe(watcher, watcher);
        var entries = ImmutableArray.CreateBuilder<SeatMapEntry>(_slots.Length);
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            var (status, heldUntil, version, channel) = _slots[slot];
            var seat = State.Seats[slot];
            entries.Add(new SeatMapEntry(SeatIdOf(slot), seat.SeatNumber, seat.Price, status, heldUntil, version, channel, seat.Place, seat.Category));
        }

        return Task.FromResult(entries.MoveToImmutable());
    }

    Task IInventoryPageGrain.UnwatchAsync(ISeatMapObserver watcher)
    {
        _watchers?.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SweepReminder)
        {
            return;
        }

        State.SweepRegistered = true;
        var now = time.GetUtcNow();
        var stillHeld = false;
        var counters = usage.For(_appId);
        var eventsDue = (await webhooks.GetAsync(_appId)).Any(endpoint => (endpoint.Types & SeatEvents.HoldLapsed) != 0);
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            if (_slots[slot].Status != SeatStatus.Held)
            {
                continue;
            }

            if (_slots[slot].HeldUntil > now)
            {
                stillHeld = true;
                continue;
            }

            // Dead since HeldUntil (I5), and a dead hold in storage reads as a free seat: the seat is woken
            // only to store the expiry's webhook events. Watchers hear of it from here, as that version's end.
            if (eventsDue)
            {
                Seat(slot).SweepAsync().Ignore();
            }

            counters.CountExpiry();
            _slots[slot] = _slots[slot] with { Status = SeatStatus.Available, HeldUntil = null };
            _checkpointStale = true;
            if (_watchers is { Count: > 0 })
            {
                var (seatId, freed) = (SeatIdOf(slot), new SeatChange(SeatStatus.Available, null, _slots[slot].Version, _slots[slot].Channel));
                await _watchers.Notify(watcher => watcher.SeatChangedAsync(seatId, freed));
            }
        }

        if (!stillHeld)
        {
            if (await this.GetReminder(SweepReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            State.SweepRegistered = false;
            _checkpointStale = true;
        }

        await SaveCheckpointAsync();
    }

    private async Task SaveCheckpointAsync()
    {
        if (!_checkpointStale)
        {
            return;
        }

        var now = time.GetUtcNow();
        State.Holds = Enumerable.Range(0, _slots.Length)
            .Where(slot => _slots[slot].Status == SeatStatus.Held && _slots[slot].HeldUntil > now)
            .ToDictionary(slot => slot, slot => _slots[slot].HeldUntil!.Value);
        State.Booked = [.. Enumerable.Range(0, _slots.Length).Where(slot => _slots[slot].Status == SeatStatus.Booked)];
        State.Channels = Enumerable.Range(0, _slots.Length).Where(slot => _slots[slot].Channel is not null).ToDictionary(slot => slot, slot => _slots[slot].Channel!);
        await page.WriteStateAsync();
        _checkpointStale = false;
    }

    private ISeatGrain Seat(int slot) => GrainFactory.Reference<ISeatGrain>(GrainKeys.Scoped(_appId, SeatIdOf(slot)));

    private string SeatIdOf(int slot) => SeatAddress.Format(_entityId, _firstOrdinal + slot);

    /// <summary>A seat's status (and sales channel) as the page last heard it; Version 0 is what the page rebuilt itself.</summary>
    private readonly record struct Slot(SeatStatus Status, DateTimeOffset? HeldUntil, long Version, string? Channel = null)
    {
        public SeatStatus StatusAt(DateTimeOffset now) => Status == SeatStatus.Held && !(HeldUntil > now) ? SeatStatus.Available : Status;
    }
}
