using System.Collections.Immutable;

namespace Reservations.Grains.Inventory;

/// <summary>
/// The entities of one app (key: appId), in the order they were first seeded, with their seat counts.
/// Bounded by <c>Reservations:MaxEntitiesPerApp</c>; the entity grains keep it up to date as they seed.
/// </summary>
[Alias("reservations.entity-list")]
public interface IEntityListGrain : IGrainWithStringKey
{
    /// <summary>
    /// Lists the entity with <paramref name="seatCount"/> seats, or updates its count if it is listed.
    /// False, and nothing changes, when the entity is new and the list is full.
    /// </summary>
    Task<bool> TryRecordAsync(string entityId, int seatCount);

    /// <summary>Every entity of the app, oldest first.</summary>
    Task<ImmutableArray<EntitySummary>> ListAsync();
}
