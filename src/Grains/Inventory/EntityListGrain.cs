using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Reservations.Grains.Inventory;

/// <summary>
/// The entities of one app, for the admin's and the tenant's listings. A grain of its own rather
/// than part of the tenant's state: the tenant grain rewrites its state at every usage flush, and a
/// list of up to <see cref="ReservationOptions.MaxEntitiesPerApp"/> entities would ride along each time.
/// This one is written only when a seeding adds an entity or seats.
/// </summary>
public sealed class EntityListGrain(
    [PersistentState("entity-list")] IPersistentState<EntityListState> list,
    TimeProvider time,
    IOptions<ReservationOptions> options) : Grain, IEntityListGrain
{
    private Dictionary<string, int>? _positions;

    private List<EntitySummary> Entities => list.State.Entities;

    async Task<bool> IEntityListGrain.TryRecordAsync(string entityId, int seatCount)
    {
        var positions = _positions ??= Entities.Select((e, i) => (e.EntityId, i)).ToDictionary(p => p.EntityId, p => p.i, StringComparer.Ordinal);
        if (positions.TryGetValue(entityId, out var position))
        {
            var listed = Entities[position];
            if (listed.SeatCount == seatCount)
            {
                return true;
            }

            Entities[position] = listed with { SeatCount = seatCount };
            await WriteOrRestoreAsync(() => Entities[position] = listed);
            return true;
        }

        if (Entities.Count >= options.Value.MaxEntitiesPerApp)
        {
            return false;
        }

        Entities.Add(new EntitySummary(entityId, seatCount, time.GetUtcNow()));
        positions[entityId] = Entities.Count - 1;
        await WriteOrRestoreAsync(() =>
        {
            Entities.RemoveAt(Entities.Count - 1);
            positions.Remove(entityId);
        });
        return true;
    }

    Task<ImmutableArray<EntitySummary>> IEntityListGrain.ListAsync() => Task.FromResult<ImmutableArray<EntitySummary>>([.. Entities]);

    // Memory never runs ahead of storage: a failed write undoes the change before the caller hears of it.
    private async Task WriteOrRestoreAsync(Action restore)
    {
        try
        {
            await list.WriteStateAsync();
        }
        catch
        {
            restore();
            throw;
        }
    }
}
