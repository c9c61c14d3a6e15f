using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>An app as the admin sees it (never its key).</summary>
public sealed record TenantView(
    string AppId,
    string Name,
    TenantDomain Domain,
    ImmutableArray<string> AllowedOrigins,
    bool Enabled,
    DateTimeOffset CreatedAt,
    TenantUsage Usage);
