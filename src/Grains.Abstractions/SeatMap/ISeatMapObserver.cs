using Orleans.Concurrency;
using Reservations.Grains.Seats;

namespace Reservations.Grains.SeatMap;

/// <summary>
/// An API process watching an entity's seat map: one per process and entity, registered with each of the
/// entity's catalog pages (<see cref="Inventory.IInventoryPageGrain.WatchAsync"/>), which tell it of every
/// seat change they accept, one way, so a page never waits for a watcher.
/// </summary>
[Alias("reservations.seat-map-observer")]
public interface ISeatMapObserver : IGrainObserver
{
    /// <summary>A seat of a watched page changed; <see cref="SeatChange.Version"/> orders the news of one seat.</summary>
    [OneWay]
    Task SeatChangedAsync(string seatId, SeatChange change);
}
