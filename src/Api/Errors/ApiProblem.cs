using Microsoft.AspNetCore.Http.HttpResults;

namespace Reservations.Api.Errors;

/// <summary>The one way the API answers "no": RFC 9457 problem+json with a stable <c>error</c> code.</summary>
internal static class ApiProblem
{
    public const string ErrorMember = "error";

    public static ProblemHttpResult Of(int status, string error, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: TitleOf(error),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { [ErrorMember] = error });

    public static ProblemHttpResult Validation(string detail) => Of(StatusCodes.Status400BadRequest, "validation_failed", detail);

    public static ProblemHttpResult NotFound(string error, string detail) => Of(StatusCodes.Status404NotFound, error, detail);

    public static ProblemHttpResult InvalidAppCredentials() =>
        Of(StatusCodes.Status401Unauthorized, "invalid_app_credentials", "x-app-id and x-api-key must name an app and its current key.");

    public static ProblemHttpResult InvalidToken() =>
        Of(StatusCodes.Status401Unauthorized, "invalid_token", "A valid bearer token for this app is required.");

    public static ProblemHttpResult ReservationExpired() =>
        Of(StatusCodes.Status410Gone, "reservation_expired", "The reservation expired or was released; hold the seat again.");

    /// <summary>The code a bare status gets when nothing more specific was said (404 of an unknown route, say).</summary>
    public static string DefaultErrorFor(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        410 => "gone",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        503 => "unavailable",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };

    private static string TitleOf(string error) =>
        error.Length == 0 ? "Error" : char.ToUpperInvariant(error[0]) + error[1..].Replace('_', ' ');
}
