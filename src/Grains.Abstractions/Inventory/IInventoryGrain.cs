using System.Collections.Immutable;
using Reservations.Runtime;

namespace Reservations.Grains.Inventory;

/// <summary>The seats of one entity (an event, a bus trip, a screening). Key: appId/entityId.</summary>
public interface IInventoryGrain : IGrainWithStringKey
{
    /// <summary>Creates seats (each gets a new seatId) and returns them.</summary>
    Task<ImmutableArray<SeatListing>> AddSeatsAsync(ImmutableArray<SeatSpec> seats);

    /// <summary>The entity's seats, in the order they were added; empty for an unknown entity.</summary>
    Task<ImmutableArray<SeatListing>> GetSeatsAsync();
}
