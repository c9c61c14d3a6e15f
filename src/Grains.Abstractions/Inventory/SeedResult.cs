using System.Collections.Immutable;

namespace Reservations.Grains.Inventory;

/// <summary>What a seeding did: on <see cref="SeedOutcome.Seeded"/>, every requested seat in request order.</summary>
[GenerateSerializer, Immutable, Alias("reservations.seed-result")]
public sealed record SeedResult([property: Id(0)] SeedOutcome Outcome, [property: Id(1)] ImmutableArray<SeatListing> Seats)
{
    /// <summary>The app has no room for another entity.</summary>
    public static readonly SeedResult TooManyEntities = new(SeedOutcome.TooManyEntities, []);
}
