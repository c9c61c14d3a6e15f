using Reservations.Api.Endpoints;
using Reservations.Api.Health;
using Reservations.Silo.Observability;

namespace Reservations.Api.Hosting;

/// <summary>What operators see of the API, alike in both hosting modes: health probes, metrics, the Orleans dashboard.</summary>
public static class ObservabilityExtensions
{
    /// <summary>The engine's readiness check and, when Metrics:Enabled (default off here), the metrics.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks().AddReadinessCheck<EngineReadinessCheck>("engine");
        builder.AddReservationsMetrics("reservations-api", enabledByDefault: false);
        return builder;
    }

    /// <summary>GET /health/live, GET /health/ready, GET /metrics (if enabled) and the dashboard at /admin/orleans (if enabled).</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        app.MapReservationsMetrics();
        DashboardEndpoints.Map(app, app.Configuration);
        return app;
    }
}
