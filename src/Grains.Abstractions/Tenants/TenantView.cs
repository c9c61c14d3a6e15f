using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>An app as the admin sees it (never its keys: only which have been issued).</summary>
[GenerateSerializer, Immutable, Alias("reservations.tenant-view")]
public sealed record TenantView(
    [property: Id(0)] string AppId,
    [property: Id(1)] string Name,
    [property: Id(2)] TenantDomain Domain,
    [property: Id(3)] ImmutableArray<string> AllowedOrigins,
    [property: Id(4)] bool Enabled,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] TenantUsage Usage,
    [property: Id(7)] HoldLimits? HoldLimits = null,
    [property: Id(8)] ConfirmationMode Confirmation = ConfirmationMode.Any,
    [property: Id(9)] bool HasPublishableKey = false,
    [property: Id(10)] bool HasSecretKey = false,
    [property: Id(11)] bool HasSigningSecret = false,
    [property: Id(12)] AbuseLimits? Limits = null);
