using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Reservations.Grains.Groups;
using Reservations.Grains.Inventory;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;

namespace Reservations.Grains.BestSeats;

/// <summary>
/// Best available for one entity. Its view of the seats comes from the catalog pages: it registers with
/// them as a seat map watcher (the flow the live map uses) and hears of every change the seats report.
/// A request is chosen in one synchronous step over that view, and the chosen seats are marked as
/// proposed before the first await, so concurrent requests never propose the same seat; the group hold
/// that follows asks the seats, which alone decide. Reentrant for that reason: many proposals are held
/// at once, each step between awaits touching only memory (docs/decisions.md).
/// </summary>
[Reentrant]
public sealed class BestSeatsGrain(
    [PersistentState("best-seats")] IPersistentState<BestSeatsState> stored,
    TimeProvider time,
    IOptions<ReservationOptions> options) : Grain, IBestSeatsGrain, ISeatMapObserver
{
    /// <summary>Proposals one request may lose to other holds before it gives up.</summary>
    public const int MaxAttempts = 8;

    // The pages drop a watcher that has not registered again within SeatMapWatch.Expiry (on real time).
    private static readonly TimeSpan RenewAfter = SeatMapWatch.Expiry / 2;

    private readonly HashSet<int> _proposed = [];
    private string _appId = "";
    private string _entityId = "";
    private ImmutableArray<SeatSpec> _catalog = [];
    private Hall? _hall;
    private Mark[] _marks = [];
    private long _watchedAt;
    private Task? _loading;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        (_appId, _entityId) = (GrainKeys.AppOf(key), GrainKeys.IdOf(key));
        return Task.CompletedTask;
    }

    async Task<BestHoldResult> IBestSeatsGrain.TryHoldBestAsync(string userId, BestSeatsRequest request, int maxUserHolds)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var hall = await ViewAsync();
            var chosen = Choose(hall, request);
            if (chosen is null)
            {
                return new BestHoldResult(BestHoldOutcome.NotEnough, []);
            }

            var ordinals = chosen.Select(i => hall.Seats[i].Ordinal).ToArray();
            _proposed.UnionWith(ordinals);
            GroupHoldResult result;
            try
            {
                var group = GrainFactory.Reference<ISeatGroupGrain>(GrainKeys.Scoped(_appId, GroupToken.NewGroupId()));
                result = await group.TryHoldAsync(userId, [.. ordinals.Select(SeatIdOf)], maxUserHolds, request.Channel);
            }
            finally
            {
                _proposed.ExceptWith(ordinals);
            }

            switch (result.Outcome)
            {
                case GroupHoldOutcome.Granted:
                    Learn(ordinals, result.ExpiresAt!.Value);
                    return new BestHoldResult(BestHoldOutcome.Granted, [.. ordinals.Select(o => ViewOf(o, result.ExpiresAt!.Value))], result.ReservationToken, result.ExpiresAt);
                case GroupHoldOutcome.TooManyHolds:
                    return new BestHoldResult(BestHoldOutcome.TooManyHolds, []);
                case GroupHoldOutcome.NotFound:
                    _hall = null; // the catalog is not what this view thinks: read it again
                    break;
                default:
                    // Lost a race: the seats that refused are taken whatever the view heard so far.
                    Learn([.. result.SeatIds.Select(OrdinalOf).Where(o => o >= 0)], time.GetUtcNow() + options.Value.HoldDuration);
                    break;
            }
        }

        return new BestHoldResult(BestHoldOutcome.Contended, []);
    }

    async Task IBestSeatsGrain.SetFocalPointAsync(FocalPoint? focal)
    {
        stored.State.FocalPoint = focal;
        await stored.WriteStateAsync();
    }

    Task IBestSeatsGrain.CatalogChangedAsync()
    {
        _hall = null;
        return Task.CompletedTask;
    }

    Task ISeatMapObserver.SeatChangedAsync(string seatId, SeatChange change)
    {
        if (SeatAddress.TryParse(seatId, out var address) && address.Ordinal < _marks.Length)
        {
            Apply(address.Ordinal, new Mark(change.Status, change.HeldUntil, change.Version, change.Channel));
        }

        return Task.CompletedTask;
    }

    private int[]? Choose(Hall hall, BestSeatsRequest request)
    {
        var now = time.GetUtcNow();
        var free = new bool[hall.Seats.Count];
        var open = new bool[hall.Seats.Count];
        for (var i = 0; i < free.Length; i++)
        {
            var ordinal = hall.Seats[i].Ordinal;
            free[i] = _marks[ordinal].IsFreeAt(now) && !_proposed.Contains(ordinal);
            open[i] = free[i] && string.Equals(_marks[ordinal].Channel, request.Channel, StringComparison.Ordinal);
        }

        return BestSeatChooser.Choose(hall, open, free, request, stored.State.FocalPoint);
    }

    // What this view believes until the seats' own news arrives (a newer version replaces it).
    private void Learn(IEnumerable<int> ordinals, DateTimeOffset heldUntil)
    {
        var now = time.GetUtcNow();
        foreach (var ordinal in ordinals)
        {
            if (_marks[ordinal].IsFreeAt(now))
            {
                _marks[ordinal] = _marks[ordinal] with { Status = SeatStatus.Held, HeldUntil = heldUntil };
            }
        }
    }

    private async Task<Hall> ViewAsync()
    {
        while (_hall is null || Stopwatch.GetElapsedTime(_watchedAt) >= RenewAfter)
        {
            var loading = _loading ??= LoadAsync();
            try
            {
                await loading;
            }
            finally
            {
                if (_loading == loading)
                {
                    _loading = null;
                }
            }
        }

        return _hall;
    }

    // Registers with every page (so every change after this reaches the view) and takes each page's seats
    // and statuses; news that arrives meanwhile is merged by version, never lost.
    private async Task LoadAsync()
    {
        var watchedAt = Stopwatch.GetTimestamp();
        var self = this.AsReference<ISeatMapObserver>();
        var catalog = ImmutableArray.CreateBuilder<SeatSpec>();
        for (var page = 0; ; page++)
        {
            var grain = GrainFactory.Reference<IInventoryPageGrain>(InventoryPages.Key(_appId, _entityId, page));
            var entries = await grain.WatchAsync(self);
            if (_marks.Length < catalog.Count + entries.Length)
            {
                Array.Resize(ref _marks, catalog.Count + entries.Length); // before the next await: news of these seats may follow
            }

            for (var slot = 0; slot < entries.Length; slot++)
            {
                Apply(catalog.Count + slot, new Mark(entries[slot].Status, entries[slot].HeldUntil, entries[slot].Version, entries[slot].Channel));
            }

            catalog.AddRange((await grain.GetSeatsAsync()).Take(entries.Length));
            if (entries.Length < InventoryPages.Size)
            {
                break;
            }
        }

        _catalog = catalog.ToImmutable();
        _hall = Hall.Of(_catalog);
        _watchedAt = watchedAt;
    }

    // As a page does: version 0 is knowledge rebuilt after a restart, replaced by any news.
    private void Apply(int ordinal, Mark mark)
    {
        var known = _marks[ordinal];
        if (known.Version == 0 || mark.Version > known.Version)
        {
            _marks[ordinal] = mark;
        }
    }

    private SeatView ViewOf(int ordinal, DateTimeOffset heldUntil)
    {
        var seat = _catalog[ordinal];
        return new SeatView(SeatIdOf(ordinal), _entityId, seat.SeatNumber, seat.Price, SeatStatus.Held, heldUntil, seat.Place, seat.Category);
    }

    private string SeatIdOf(int ordinal) => SeatAddress.Format(_entityId, ordinal);

    private int OrdinalOf(string seatId) => SeatAddress.TryParse(seatId, out var address) && address.Ordinal < _marks.Length ? address.Ordinal : -1;

    /// <summary>A seat's status and sales channel as this view last heard it.</summary>
    private readonly record struct Mark(SeatStatus Status, DateTimeOffset? HeldUntil, long Version, string? Channel)
    {
        public bool IsFreeAt(DateTimeOffset now) => Status == SeatStatus.Available || (Status == SeatStatus.Held && !(HeldUntil > now));
    }
}
