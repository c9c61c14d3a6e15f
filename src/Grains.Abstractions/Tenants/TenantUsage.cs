namespace Reservations.Grains.Tenants;

/// <summary>Usage counters of an app (or a delta of them).</summary>
[GenerateSerializer, Immutable, Alias("reservations.tenant-usage")]
public sealed record TenantUsage(
    [property: Id(0)] long Requests,
    [property: Id(1)] long HoldsGranted,
    [property: Id(2)] long HoldsRefused,
    [property: Id(3)] long Releases,
    [property: Id(4)] long Expiries,
    [property: Id(5)] long Confirmations)
{
    /// <summary>All zero.</summary>
    public static readonly TenantUsage Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two counts.</summary>
    public TenantUsage Add(TenantUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Requests + other.Requests,
            HoldsGranted + other.HoldsGranted,
            HoldsRefused + other.HoldsRefused,
            Releases + other.Releases,
            Expiries + other.Expiries,
            Confirmations + other.Confirmations);
    }
}
