using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>What an admin sets when creating an app. AllowedOrigins are origins such as "https://shop.example".</summary>
public sealed record TenantSettings(string Name, TenantDomain Domain, ImmutableArray<string> AllowedOrigins);
