using System.Collections.Immutable;

namespace Reservations.Grains.Inventory;

/// <summary>
/// The catalog of one entity (an event, a bus trip, a screening; key: appId/entityId): it adds seats
/// to the catalog pages, one seeding at a time, so seat numbers stay unique and seat ids stable.
/// </summary>
[Alias("reservations.inventory")]
public interface IInventoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the seats whose numbers the entity does not have yet and returns every requested seat, new
    /// or existing, in request order: seeding the same numbers again changes nothing. The entity is
    /// listed in its app's <see cref="IEntityListGrain"/> first; a new entity of an app whose list is
    /// full is refused (<see cref="SeedOutcome.TooManyEntities"/>) before any seat is added.
    /// </summary>
    Task<SeedResult> TryAddSeatsAsync(ImmutableArray<SeatSpec> seats);
}
