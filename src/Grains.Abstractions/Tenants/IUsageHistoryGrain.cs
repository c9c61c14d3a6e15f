namespace Reservations.Grains.Tenants;

/// <summary>
/// An app's usage in hourly buckets (key: appId), fed by its <see cref="ITenantGrain"/> at every usage
/// flush; a flush counts in the hour it reaches this grain. Keeps the last <see cref="RetainedHours"/>.
/// </summary>
[Alias("reservations.usage-history")]
public interface IUsageHistoryGrain : IGrainWithStringKey
{
    /// <summary>How many hours are kept, the current one included: 31 days, the longest range a read may ask for.</summary>
    const int RetainedHours = 31 * 24;

    /// <summary>The longest range <see cref="ReadAsync"/> answers, in hours.</summary>
    const int MaxRangeHours = 31 * 24;

    /// <summary>Adds usage to the current hour's bucket.</summary>
    Task RecordAsync(TenantUsage delta);

    /// <summary>
    /// A point for every hour that starts before <paramref name="to"/> and ends after
    /// <paramref name="from"/>. <paramref name="from"/> must be before <paramref name="to"/>, at most
    /// <see cref="MaxRangeHours"/> hours apart.
    /// </summary>
    Task<UsageHistory> ReadAsync(DateTimeOffset from, DateTimeOffset to);
}
