using System.ComponentModel.DataAnnotations;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Limits;

/// <summary>
/// The engine's abuse limits (section "Limits"), for apps without limits of their own
/// (PATCH /admin/apps/{appId} limits). Rates are per <see cref="Window"/>, kept in each API process's memory.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    [Range(1, 1000)]
    public int MaxHoldsPerUser { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 1_000_000)]
    public int SignupsPerAddress { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int SignupsPerAccount { get; set; } = 5;

    [Range(1, 1_000_000)]
    public int LoginsPerAddress { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int LoginsPerAccount { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int HoldsPerAddress { get; set; } = 600;

    [Range(1, 1_000_000)]
    public int HoldsPerAccount { get; set; } = 60;

    public AbuseLimits ToLimits() => new(
        MaxHoldsPerUser, Window, SignupsPerAddress, SignupsPerAccount, LoginsPerAddress, LoginsPerAccount, HoldsPerAddress, HoldsPerAccount);
}
