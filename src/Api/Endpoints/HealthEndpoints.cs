using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;

namespace Reservations.Api.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithTags("Health");
        return app;
    }

    private static Results<Ok<HealthResponse>, ProblemResult> GetHealth(EngineReadiness readiness) =>
        readiness.IsReady
            ? TypedResults.Ok(new HealthResponse("ready"))
            : ApiProblem.Of(StatusCodes.Status503ServiceUnavailable, "starting", "The engine is starting.");
}
