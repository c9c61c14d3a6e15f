using Reservations.Grains.Tenants;

namespace Reservations.Grains.Usage;

/// <summary>An app's closed hours that had usage, oldest first; hours without usage are not stored.</summary>
[GenerateSerializer, Alias("reservations.usage-history-state")]
public sealed class UsageHistoryState
{
    [Id(0)]
    public List<UsagePoint> Hours { get; set; } = [];
}
