using Reservations.Grains.Tenants;

namespace Reservations.Api.Contracts;

public sealed record UsagePointResponse(
    DateTimeOffset Start, long Requests, long HoldsGranted, long HoldsRefused, long Releases, long Expiries, long Confirmations)
{
    public static UsagePointResponse From(UsagePoint point) => new(
        point.Start, point.Usage.Requests, point.Usage.HoldsGranted, point.Usage.HoldsRefused, point.Usage.Releases, point.Usage.Expiries, point.Usage.Confirmations);
}

public sealed record UsageTotalsResponse(long Requests, long HoldsGranted, long HoldsRefused, long Releases, long Expiries, long Confirmations)
{
    public static UsageTotalsResponse From(TenantUsage usage) => new(
        usage.Requests, usage.HoldsGranted, usage.HoldsRefused, usage.Releases, usage.Expiries, usage.Confirmations);
}

public sealed record UsageHistoryResponse(string AppId, string Bucket, IReadOnlyList<UsagePointResponse> Points, UsageTotalsResponse Totals);
