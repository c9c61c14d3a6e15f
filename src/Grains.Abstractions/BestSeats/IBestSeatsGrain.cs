namespace Reservations.Grains.BestSeats;

/// <summary>
/// Best available for one entity (key: appId/entityId). It keeps a view of its seats' statuses, fed by the
/// catalog pages' change notices (as a seat map watcher), chooses in one turn from that view, and holds
/// its choice through a group hold, so the seat grains stay the authority; a choice that loses a race is
/// made again from what the loss taught. It stores only the entity's focal point.
/// </summary>
[Alias("reservations.best-seats")]
public interface IBestSeatsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Chooses the best seats for <paramref name="request"/> and holds them for the user, all or none.
    /// <paramref name="maxUserHolds"/> as for a group hold.
    /// </summary>
    Task<BestHoldResult> TryHoldBestAsync(string userId, BestSeatsRequest request, int maxUserHolds = 0);

    /// <summary>Sets the entity's focal point; null: front centre.</summary>
    Task SetFocalPointAsync(FocalPoint? focal);

    /// <summary>The entity's seats changed (a seeding): the next choice reads the catalog again.</summary>
    [Orleans.Concurrency.OneWay]
    Task CatalogChangedAsync();
}
