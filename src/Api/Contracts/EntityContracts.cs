using Reservations.Grains.Inventory;

namespace Reservations.Api.Contracts;

public sealed record EntityResponse(string EntityId, int SeatCount, DateTimeOffset CreatedAt)
{
    public static EntityResponse From(EntitySummary entity) => new(entity.EntityId, entity.SeatCount, entity.CreatedAt);
}

public sealed record EntitiesResponse(IReadOnlyList<EntityResponse> Entities);
