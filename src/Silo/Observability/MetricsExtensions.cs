using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Reservations.Grains.Usage;

namespace Reservations.Silo.Observability;

/// <summary>
/// OpenTelemetry metrics on a Prometheus scrape endpoint, GET /metrics, unauthenticated as scrapers
/// expect: Orleans' meter, ours (<see cref="ReservationsMetrics"/>) and ASP.NET Core's request metrics.
/// </summary>
public static class MetricsExtensions
{
    private const string Path = "/metrics";

    /// <summary>
    /// Collects the metrics when Metrics:Enabled (or, unset, <paramref name="enabledByDefault"/>) says so,
    /// as the service <paramref name="serviceName"/> (the scrape's target_info).
    /// </summary>
    public static WebApplicationBuilder AddReservationsMetrics(this WebApplicationBuilder builder, string serviceName, bool enabledByDefault)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = Settings.Read<MetricsSettings>(builder.Configuration, MetricsSettings.SectionName);
        settings.Enabled ??= enabledByDefault;
        builder.Services.AddSingleton(settings);
        if (settings.Enabled == true)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(serviceName))
                .WithMetrics(metrics => metrics
                    .AddMeter(ReservationsMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting")
                    .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>Maps GET /metrics if <see cref="AddReservationsMetrics"/> enabled it.</summary>
    public static WebApplication MapReservationsMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<MetricsSettings>().Enabled == true)
        {
            app.MapPrometheusScrapingEndpoint(Path);
        }

        return app;
    }
}
