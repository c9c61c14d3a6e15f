using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reservations.Silo.Observability;

/// <summary>
/// GET /health/live (200 while the process serves HTTP: no check runs) and GET /health/ready (200
/// when every check tagged <see cref="ReadyTag"/> is healthy, and GET /health alike with status ok; otherwise 503 problem+json whose
/// <c>error</c> is the first failing check's code: <c>starting</c> or <c>not_ready</c>). Both hosts map these.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks GET /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The data key a check's stable error code travels under.</summary>
    public const string ErrorKey = "error";

    /// <summary>Maps the two probes.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriterFor("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriterFor("ready") });
        // The seed's GET /health: the readiness checks, answered {"status":"ok"}.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriterFor("ok") });
        return app;
    }

    private static Func<HttpContext, HealthReport, Task> WriterFor(string status)
    {
        var healthy = Encoding.UTF8.GetBytes($$"""{"status":"{{status}}"}""");
        return (context, report) =>
        {
            if (report.Status == HealthStatus.Healthy)
            {
                context.Response.ContentType = "application/json";
                return context.Response.Body.WriteAsync(healthy).AsTask();
            }

            var (name, failed) = report.Entries.First(e => e.Value.Status != HealthStatus.Healthy);
            var (error, detail) = failed.Data.TryGetValue(ErrorKey, out var code) && code is string known
                ? (known, failed.Description ?? known)
                : ("not_ready", $"The {name} check failed or did not answer in time.");
            return Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, extensions: new Dictionary<string, object?> { [ErrorKey] = error })
                .ExecuteAsync(context);
        };
    }
}
