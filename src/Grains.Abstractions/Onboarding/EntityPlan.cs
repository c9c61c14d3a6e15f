using System.Collections.Immutable;
using Reservations.Grains.Inventory;

namespace Reservations.Grains.Onboarding;

/// <summary>One entity (event, bus trip, screening, rental item) the new app starts with, and its seats.</summary>
[GenerateSerializer, Immutable, Alias("reservations.entity-plan")]
public sealed record EntityPlan(
    [property: Id(0)] string EntityId,
    [property: Id(1)] ImmutableArray<SeatSpec> Seats);
