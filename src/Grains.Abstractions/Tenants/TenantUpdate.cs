using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>A partial change: members left null stay as they are.</summary>
[GenerateSerializer, Immutable, Alias("reservations.tenant-update")]
public sealed record TenantUpdate(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] ImmutableArray<string>? AllowedOrigins = null,
    [property: Id(2)] bool? Enabled = null,
    [property: Id(3)] HoldLimits? HoldLimits = null,
    [property: Id(4)] ConfirmationMode? Confirmation = null,
    [property: Id(5)] AbuseLimits? Limits = null);
