using Orleans.Dashboard;
using Reservations.Api.Errors;
using Reservations.Api.Security;
using Reservations.Silo.Observability;

namespace Reservations.Api.Endpoints;

/// <summary>
/// The Orleans Dashboard at /admin/orleans, for admins only (it has no authentication of its own).
/// A browser opens it from the admin dashboard at /admin, whose login sets the cookie it accepts.
/// </summary>
internal static class DashboardEndpoints
{
    // Grain state holds the hashes of keys, passwords and hold tokens, which the admin API never shows.
    private static readonly ProblemResult GrainStateRefused =
        ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "The dashboard does not show grain state: it holds secrets' hashes.");

    private static readonly ProblemResult DashboardOff = ApiProblem.NotFound(
        "not_found", "The Orleans dashboard is off on this engine: set Dashboard:Enabled=true on every process to turn it on.");

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!DashboardExtensions.IsEnabled(configuration))
        {
            // The admin dashboard links here: say why there is nothing, to admins as the dashboard would.
            app.MapGet(AdminPageCookie.Path + "/{**path}", () => DashboardOff).RequireAdminPage().ExcludeFromDescription();
            return app;
        }

        IEndpointConventionBuilder dashboard = app.MapOrleansDashboard(AdminPageCookie.Path).RequireAdminPage().ExcludeFromDescription();
        dashboard.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.RequestDelegate = GrainStateRefused.ExecuteAsync;
            }
        });
        return app;
    }
}
