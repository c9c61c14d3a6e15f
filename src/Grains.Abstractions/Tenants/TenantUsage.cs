namespace Reservations.Grains.Tenants;

/// <summary>Usage counters of an app (or a delta of them).</summary>
public sealed record TenantUsage(long Requests, long HoldsGranted, long HoldsRefused, long Releases, long Expiries, long Confirmations)
{
    /// <summary>All zero.</summary>
    public static readonly TenantUsage Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two counts.</summary>
    public TenantUsage Add(TenantUsage other) => new(
        Requests + other.Requests,
        HoldsGranted + other.HoldsGranted,
        HoldsRefused + other.HoldsRefused,
        Releases + other.Releases,
        Expiries + other.Expiries,
        Confirmations + other.Confirmations);
}
