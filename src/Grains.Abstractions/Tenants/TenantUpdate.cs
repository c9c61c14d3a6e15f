using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>A partial change: members left null stay as they are.</summary>
public sealed record TenantUpdate(string? Name = null, ImmutableArray<string>? AllowedOrigins = null, bool? Enabled = null);
