namespace Reservations.Grains.Inventory;

/// <summary>An entity of an app as its list shows it: how many seats it has and when it was first seeded.</summary>
[GenerateSerializer, Immutable, Alias("reservations.entity-summary")]
public sealed record EntitySummary([property: Id(0)] string EntityId, [property: Id(1)] int SeatCount, [property: Id(2)] DateTimeOffset CreatedAt);
