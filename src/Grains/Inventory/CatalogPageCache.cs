using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Reservations.Grains.Inventory;

/// <summary>
/// The seats of the catalog pages this silo's seat grains activated from lately. A seeded seat never
/// changes (pages only append), so a seat activating here reads its number, price and category from
/// memory instead of calling its page: one grain call less per fresh seat. Seats activating at once
/// share one read of their page; a seat past the end of the page as read reads it again, so seats
/// seeded since are found. Memory stays bounded: past <see cref="MaxPages"/> pages the cache starts
/// afresh (a page's list shares its seats with the page's own state while both live on this silo).
/// </summary>
public sealed class CatalogPageCache
{
    internal const int MaxPages = 128;

    private readonly ConcurrentDictionary<string, Task<ImmutableArray<SeatSpec>>> _pages = new(StringComparer.Ordinal);

    /// <summary>The seat at <paramref name="slot"/> of the page <paramref name="pageKey"/>, or null if the page has no such seat yet.</summary>
    public async ValueTask<SeatSpec?> GetAsync(string pageKey, IInventoryPageGrain page, int slot)
    {
        if (_pages.TryGetValue(pageKey, out var kept) && await SeatsOrNullAsync(kept) is { } known && slot < known.Length)
        {
            return known[slot];
        }

        var reading = page.GetSeatsAsync();
        if (_pages.Count >= MaxPages)
        {
            _pages.Clear();
        }

        _pages[pageKey] = reading;
        try
        {
            var seats = await reading;
            return slot < seats.Length ? seats[slot] : null;
        }
        catch
        {
            _pages.TryRemove(KeyValuePair.Create(pageKey, reading));
            throw;
        }
    }

    // A read of the page, done or under way for another seat; null if it failed (this seat reads again and hears why).
    private static async ValueTask<ImmutableArray<SeatSpec>?> SeatsOrNullAsync(Task<ImmutableArray<SeatSpec>> reading)
    {
        try
        {
            return await reading;
        }
        catch
        {
            return null;
        }
    }
}
