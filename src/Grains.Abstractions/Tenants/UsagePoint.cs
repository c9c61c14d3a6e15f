namespace Reservations.Grains.Tenants;

/// <summary>An app's usage in the hour that starts at <see cref="Start"/> (UTC, on the hour).</summary>
[GenerateSerializer, Immutable, Alias("reservations.usage-point")]
public sealed record UsagePoint([property: Id(0)] DateTimeOffset Start, [property: Id(1)] TenantUsage Usage);
