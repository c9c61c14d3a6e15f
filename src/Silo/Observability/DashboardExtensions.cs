using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Reservations.Silo.Observability;

/// <summary>
/// The Orleans Dashboard's parts: the silo side (statistics it gathers on every silo) and the client
/// side (an API gateway's access to them). It has no authentication of its own: only the API serves
/// its pages, behind admin authentication. Its live log stream stays off: logs go to log sinks.
/// </summary>
public static class DashboardExtensions
{
    /// <summary>Registers the dashboard's silo side when Dashboard:Enabled.</summary>
    public static ISiloBuilder AddReservationsDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (IsEnabled(configuration))
        {
            silo.AddDashboard(options => options.HideTrace = true);
        }

        return silo;
    }

    /// <summary>For an API in gateway mode: the dashboard's client side, when Dashboard:Enabled.</summary>
    public static IClientBuilder AddReservationsDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (IsEnabled(configuration))
        {
            client.AddDashboard(options => options.HideTrace = true);
        }

        return client;
    }

    /// <summary>Whether Dashboard:Enabled (default false).</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        Settings.Read<DashboardSettings>(configuration, DashboardSettings.SectionName).Enabled;
}
