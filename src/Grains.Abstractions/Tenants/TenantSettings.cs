using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>What an app is created with.</summary>
[GenerateSerializer, Immutable, Alias("reservations.tenant-settings")]
public sealed record TenantSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] TenantDomain Domain,
    [property: Id(2)] ImmutableArray<string> AllowedOrigins);
