using System.Collections.Immutable;
using Reservations.Grains.BestSeats;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Inventory;

/// <summary>
/// Adds seats to an entity's catalog pages, one seeding at a time (a grain turn), so a seat number is
/// added once and keeps its id. It keeps no state of its own: the pages are the catalog, and its
/// index of seat numbers is read back from them when it first needs it. Pages fill in order and are
/// written one after another, so the pages that exist always form a prefix: a seeding cut short
/// leaves whole seats, and repeating it adds only what is missing.
/// <para>
/// The entity is listed in its app's <see cref="IEntityListGrain"/> before its first seats are added
/// (so a full list refuses it before anything exists) and its seat count recorded after every seeding,
/// a repeat included, so a count a failure left behind is put right by seeding again.
/// </para>
/// </summary>
public sealed class InventoryGrain : Grain, IInventoryGrain
{
    private Dictionary<string, SeatListing>? _bySeatNumber;
    private int _seatCount;
    private bool _listed;

    async Task<SeedResult> IInventoryGrain.TryAddSeatsAsync(ImmutableArray<SeatSpec> seats)
    {
        var key = this.GetPrimaryKeyString();
        var (appId, entityId) = (GrainKeys.AppOf(key), GrainKeys.IdOf(key));
        var index = _bySeatNumber ??= await ReadIndexAsync(appId, entityId);

        var listings = new SeatListing[seats.Length];
        var added = new List<int>();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seats.Length; i++)
        {
            if (!numbers.Add(seats[i].SeatNumber))
            {
                throw new ArgumentException($"Seat number {seats[i].SeatNumber} appears twice.", nameof(seats));
            }

            if (index.TryGetValue(seats[i].SeatNumber, out var existing))
            {
                listings[i] = existing;
            }
            else
            {
                added.Add(i);
            }
        }

        var entities = GrainFactory.Reference<IEntityListGrain>(appId);
        if (!_listed)
        {
            _listed = await entities.TryRecordAsync(entityId, _seatCount);
            if (!_listed)
            {
                return SeedResult.TooManyEntities;
            }
        }

        try
        {
            for (var done = 0; done < added.Count;)
            {
                var slot = _seatCount % InventoryPages.Size;
                var chunk = added.Skip(done).Take(InventoryPages.Size - slot).ToList();
                var page = GrainFactory.Reference<IInventoryPageGrain>(InventoryPages.Key(appId, entityId, _seatCount / InventoryPages.Size));
                await page.AddSeatsAsync(slot, [.. chunk.Select(i => seats[i])]);
                foreach (var i in chunk)
                {
                    var listing = new SeatListing(SeatAddress.Format(entityId, _seatCount++), seats[i].SeatNumber, seats[i].Price, seats[i].Category);
                    index[listing.SeatNumber] = listing;
                    listings[i] = listing;
                }

                done += chunk.Count;
            }
        }
        catch
        {
            // A page may have stored seats even though its answer was lost: read the pages again next time.
            _bySeatNumber = null;
            throw;
        }

        await entities.TryRecordAsync(entityId, _seatCount);
        if (added.Count > 0)
        {
            GrainFactory.Reference<IBestSeatsGrain>(this.GetPrimaryKeyString()).CatalogChangedAsync().Ignore();
        }

        return new SeedResult(SeedOutcome.Seeded, [.. listings]);
    }

    private async Task<Dictionary<string, SeatListing>> ReadIndexAsync(string appId, string entityId)
    {
        var index = new Dictionary<string, SeatListing>(StringComparer.Ordinal);
        _seatCount = 0;
        for (var page = 0; ; page++)
        {
            var seats = await GrainFactory.Reference<IInventoryPageGrain>(InventoryPages.Key(appId, entityId, page)).GetSeatsAsync();
            foreach (var seat in seats)
            {
                index[seat.SeatNumber] = new SeatListing(SeatAddress.Format(entityId, _seatCount++), seat.SeatNumber, seat.Price, seat.Category);
            }

            if (seats.Length < InventoryPages.Size)
            {
                return index;
            }
        }
    }
}
