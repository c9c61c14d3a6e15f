using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>
/// An app's usage over a range: a point for every hour of it in time order, hours without usage
/// included as zeros, and the sum of them all.
/// </summary>
[GenerateSerializer, Immutable, Alias("reservations.usage-series")]
public sealed record UsageHistory([property: Id(0)] ImmutableArray<UsagePoint> Points, [property: Id(1)] TenantUsage Totals);
