using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Reservations.Api.Errors;

/// <summary>Turns what escapes a handler into problem+json: bad input is a 4xx, a passing failure a 503, never a 500 unless it is a bug.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 1;

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
            InvalidOperationException { InnerException: ArgumentException or NotSupportedException } when HasCharset(request) =>
                ApiProblem.Of(415, "unsupported_media_type", "Send the body as application/json in UTF-8."),
            _ when RetryableFailures.IsRetryable(exception) => ApiProblem.Of(503, "engine_busy", "The engine could not answer just now; try again shortly."),
            _ => null,
        };

        if (problem is null)
        {
            ApiLog.UnhandledError(logger, exception, request.Method, request.Path);
            problem = ApiProblem.Of(500, "internal_error", "Something went wrong on our side.");
        }
        else if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            ApiLog.EngineBusy(logger, exception, request.Method, request.Path);
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        Security.SecurityHeaders.Apply(httpContext);
        if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The JSON reader throws InvalidOperationException for a charset .NET cannot decode (utf-7, made-up names): the client's mistake.</summary>
    private static bool HasCharset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue;
}
