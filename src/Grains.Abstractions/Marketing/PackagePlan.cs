using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>A plan a new tenant can choose, as the marketing page shows it.</summary>
[GenerateSerializer, Immutable, Alias("reservations.package-plan")]
public sealed record PackagePlan(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] decimal MonthlyPrice,
    [property: Id(4)] string Currency,
    [property: Id(5)] ImmutableArray<string> Features);
