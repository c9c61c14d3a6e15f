namespace Reservations.Silo.Observability;

/// <summary>The Orleans Dashboard (configuration section "Dashboard").</summary>
public sealed class DashboardSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Whether silos collect the dashboard's statistics and the API serves it at /admin/orleans (admins only).</summary>
    public bool Enabled { get; set; } = true;
}
