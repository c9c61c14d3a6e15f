using System.Collections.Immutable;
using Orleans.Concurrency;
using Reservations.Grains.SeatMap;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Inventory;

/// <summary>
/// Up to <see cref="InventoryPages.Size"/> seats of one entity (key: appId/entityId/page): their
/// definitions, and a view of their statuses that the seats keep up to date, so listings never call
/// the seats. The seat grains stay the authority; the view follows them.
/// </summary>
[Alias("reservations.inventory-page")]
public interface IInventoryPageGrain : IGrainWithStringKey
{
    /// <summary>The page's seats in order, as seeded: for the entity's index, and for a seat activating (through <c>CatalogPageCache</c>).</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<SeatSpec>> GetSeatsAsync();

    /// <summary>Appends seats; <paramref name="firstSlot"/> must be the page's current seat count.</summary>
    Task AddSeatsAsync(int firstSlot, ImmutableArray<SeatSpec> seats);

    /// <summary>Every seat of the page with its status now.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<SeatView>> ListAsync();

    /// <summary>A seat of this page changed.</summary>
    [OneWay]
    Task SeatChangedAsync(int slot, SeatChange change);

    /// <summary>
    /// Registers (or renews) a watcher of the page's seats for <see cref="SeatMapWatch.Expiry"/> and returns the
    /// seats as the page knows them; every change the page accepts after this turn goes to the watcher.
    /// </summary>
    Task<ImmutableArray<SeatMapEntry>> WatchAsync(ISeatMapObserver watcher);

    /// <summary>Stops telling <paramref name="watcher"/> of changes.</summary>
    [OneWay]
    Task UnwatchAsync(ISeatMapObserver watcher);
}
