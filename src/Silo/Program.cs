using Reservations.Silo.Observability;

namespace Reservations.Silo;

/// <summary>
/// A silo without the HTTP API: the reservation grains on the configured storage, alone on
/// localhost or a member of a Redis-membership cluster (docs/operations.md). Never point a
/// localhost silo and an embedded API at one database: they would not know of each other.
/// Its HTTP listener (Urls) serves what operators and Kubernetes ask: /health/live, /health/ready, /metrics.
/// </summary>
internal static class Program
{
    // Not top-level statements: the web SDK would make those a public global Program, which the API's tests already see.
    private static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5090");
        }

        // Probes and scrapes come every few seconds: their requests are not worth a log line each.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddReservations(builder.Configuration));
        builder.Services.AddHealthChecks().AddSiloReadiness();
        builder.AddReservationsMetrics("reservations-silo", enabledByDefault: true);

        var app = builder.Build();
        app.MapHealthEndpoints();
        app.MapReservationsMetrics();
        app.Run();
    }
}
