namespace Reservations.Silo.Observability;

/// <summary>The Orleans Dashboard (configuration section "Dashboard").</summary>
public sealed class DashboardSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Whether silos collect the dashboard's statistics and the API serves it at /admin/orleans (admins
    /// only). Off by default: its statistics walk every activation each second and every grain call
    /// passes its profiling filter, which cost a quarter of the fresh holds a silo of many seats
    /// answers (docs/performance.md). An operator turns it on to look inside a cluster.
    /// </summary>
    public bool Enabled { get; set; }
}
