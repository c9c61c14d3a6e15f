using System.Collections.Immutable;
using Reservations.Api.Hosting;
using Reservations.Grains.Inventory;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;

namespace Reservations.Api.SeatMap;

/// <summary>
/// One entity's seat map as this process follows it for all its SSE clients: a single grain observer
/// registered with each of the entity's catalog pages, the latest state of every seat, and the clients it
/// fans each change out to. News of a seat is ordered by the seat's version (a page snapshot and the
/// changes that overtake it may arrive in any order), so no client ever sees an older state after a newer;
/// at one version, a hold's end comes after the hold.
/// </summary>
internal sealed class SeatMapFeed(string appId, string entityId, GrainReferences grains, IGrainFactory factory) : ISeatMapObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeatChange> _states = [];
    private readonly List<ImmutableArray<SeatMapEntry>> _pages = [];
    private ImmutableArray<SeatMapClient> _clients = [];
    private ISeatMapObserver? _self;
    private volatile bool _stopped;

    public string AppId => appId;

    public string EntityId => entityId;

    /// <summary>Requests using or joining this feed; guarded by <see cref="SeatMapFeeds"/>.</summary>
    public int References { get; set; }

    /// <summary>The grain observer the pages call; Orleans holds this object weakly, the feeds strongly.</summary>
    public ISeatMapObserver Self => _self ?? throw new InvalidOperationException("The feed has not started.");

    /// <summary>Makes the feed's one observer reference; called once, before anyone watches through it.</summary>
    public void Start() => _self = factory.CreateObjectReference<ISeatMapObserver>(this);

    /// <summary>
    /// Registers with every page of the entity (again) and merges what they know: after this, every change
    /// a page accepts reaches this feed, and the state holds anything this feed missed before.
    /// </summary>
    public async Task WatchPagesAsync()
    {
        for (var page = 0; !_stopped; page++)
        {
            var entries = await Page(page).WatchAsync(Self);
            Merge(page, entries);
            if (entries.Length < InventoryPages.Size)
            {
                return; // a page that is not full is the last one
            }
        }
    }

    /// <summary>Tells the pages to stop sending (one way) and drops the observer.</summary>
    public void Unwatch()
    {
        _stopped = true; // a renewal already under way registers no more pages
        int pages;
        lock (_gate)
        {
            pages = Math.Max(_pages.Count, 1);
        }

        for (var page = 0; page < pages; page++)
        {
            Page(page).UnwatchAsync(Self).Ignore();
        }

        factory.DeleteObjectReference<ISeatMapObserver>(Self);
    }

    /// <summary>Adds a client; its snapshot is taken in the same lock as changes are fanned out, so it misses none.</summary>
    public SeatMapClient Join(int capacity, out ImmutableArray<LiveSeat> snapshot)
    {
        var client = new SeatMapClient(capacity);
        lock (_gate)
        {
            var seats = ImmutableArray.CreateBuilder<LiveSeat>(_pages.Sum(page => page.Length));
            foreach (var entry in _pages.SelectMany(page => page))
            {
                var state = _states[entry.SeatId];
                seats.Add(new LiveSeat(entry.SeatId, entry.SeatNumber, entry.Price, state.Status, state.HeldUntil, entry));
            }

            snapshot = seats.MoveToImmutable();
            _clients = _clients.Add(client);
        }

        return client;
    }

    public void Leave(SeatMapClient client)
    {
        lock (_gate)
        {
            _clients = _clients.Remove(client);
        }
    }

    Task ISeatMapObserver.SeatChangedAsync(string seatId, SeatChange change)
    {
        lock (_gate)
        {
            Apply(seatId, change);
        }

        return Task.CompletedTask;
    }

    private void Merge(int page, ImmutableArray<SeatMapEntry> entries)
    {
        lock (_gate)
        {
            while (_pages.Count <= page)
            {
                _pages.Add([]);
            }

            if (entries.Length >= _pages[page].Length)
            {
                _pages[page] = entries; // seats are only ever added to a page
            }

            foreach (var entry in entries)
            {
                Apply(entry.SeatId, new SeatChange(entry.Status, entry.HeldUntil, entry.Version));
            }
        }
    }

    // Under _gate. Version 0 is a page's rebuilt view, which knows less than any news with a version.
    // A hold's end is news at the hold's own version: its page swept it, and the seat stored nothing.
    private void Apply(string seatId, SeatChange change)
    {
        if (_states.TryGetValue(seatId, out var known))
        {
            var holdEnded = known.Status == SeatStatus.Held && change.Status == SeatStatus.Available && change.Version == known.Version;
            if ((known.Version != 0 && change.Version <= known.Version && !holdEnded) || known == change)
            {
                return;
            }

            _states[seatId] = change;
            if (known.Status == change.Status && known.HeldUntil == change.HeldUntil)
            {
                return;
            }
        }
        else
        {
            _states[seatId] = change;
        }

        foreach (var client in _clients)
        {
            client.Offer(seatId, change);
        }
    }

    private IInventoryPageGrain Page(int page) => grains.GetGrain<IInventoryPageGrain>(InventoryPages.Key(appId, entityId, page));
}
