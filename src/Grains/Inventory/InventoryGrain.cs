using System.Collections.Immutable;
using Reservations.Grains.Seats;
using Reservations.Runtime;

namespace Reservations.Grains.Inventory;

/// <summary>The seats of one entity (key: appId/entityId). Seat ids are random, so they cannot be guessed (I6).</summary>
public sealed class InventoryGrain([PersistentState("inventory")] IPersistentState<InventoryState> inventory) : Grain, IInventoryGrain
{
    async Task<ImmutableArray<SeatListing>> IInventoryGrain.AddSeatsAsync(ImmutableArray<SeatSpec> seats)
    {
        if (seats.IsDefaultOrEmpty)
        {
            return [];
        }

        var key = GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (appId, entityId) = (key[..slash], key[(slash + 1)..]);
        var added = seats.Select(s => new SeatListing("S-" + Secrets.NewToken(), s.SeatNumber, s.Price)).ToImmutableArray();

        // Seats first: a seat listed here always exists. A failure leaves unlisted seats, which nobody can address.
        await Task.WhenAll(added.Select(s => GrainFactory
            .GetGrain<ISeatGrain>(GrainKeys.Scoped(appId, s.SeatId))
            .InitializeAsync(new SeatDefinition(appId, s.SeatId, entityId, s.SeatNumber, s.Price))));

        inventory.State.Seats.AddRange(added);
        try
        {
            await inventory.WriteStateAsync();
        }
        catch
        {
            inventory.State.Seats.RemoveRange(inventory.State.Seats.Count - added.Length, added.Length);
            throw;
        }

        return added;
    }

    Task<ImmutableArray<SeatListing>> IInventoryGrain.GetSeatsAsync() => Task.FromResult<ImmutableArray<SeatListing>>([.. inventory.State.Seats]);
}
