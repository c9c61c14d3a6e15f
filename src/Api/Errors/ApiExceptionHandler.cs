using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Reservations.Runtime;

namespace Reservations.Api.Errors;

/// <summary>Turns what escapes a handler into problem+json: bad input is a 4xx, never a 500.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        var problem = exception switch
        {
            PayloadTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                ApiProblem.Of(413, "payload_too_large", exception.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                ApiProblem.Of(415, "unsupported_media_type", "Send the body as application/json."),
            BadHttpRequestException { InnerException: JsonException json } =>
                ApiProblem.Of(400, "malformed_json", $"The body is not valid JSON of the expected shape (at {json.Path ?? "$"}, line {json.LineNumber}, byte {json.BytePositionInLine})."),
            BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) =>
                ApiProblem.Validation("A JSON body is required."),
            BadHttpRequestException bad => ApiProblem.Of(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "validation_failed", bad.Message),
            JsonException json => ApiProblem.Of(400, "malformed_json", $"The body is not valid JSON of the expected shape (at {json.Path ?? "$"})."),
            GrainCallTimeoutException => ApiProblem.Of(503, "engine_busy", "The engine did not answer in time; try again."),
            _ => null,
        };

        if (problem is null)
        {
            ApiLog.UnhandledError(logger, exception, request.Method, request.Path);
            problem = ApiProblem.Of(500, "internal_error", "Something went wrong on our side.");
        }
        else if (exception is GrainCallTimeoutException)
        {
            ApiLog.GrainTimeout(logger, exception, request.Method, request.Path);
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
