using Reservations.Grains.Tenants;

namespace Reservations.Grains.Usage;

/// <summary>The hour an app's usage is being counted in, as stored.</summary>
[GenerateSerializer, Alias("reservations.usage-hour-state")]
public sealed class UsageHourState
{
    [Id(0)]
    public DateTimeOffset Start { get; set; }

    [Id(1)]
    public TenantUsage Usage { get; set; } = TenantUsage.Zero;
}
