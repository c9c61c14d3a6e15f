using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Reservations.Client;

/// <summary>
/// An answer of the engine: the body of a success, or the problem (RFC 9457) of a refusal with its stable
/// <c>error</c> code (<see cref="ErrorCodes"/>). Refusals are results, not exceptions, so a busy caller
/// (a hot seat refuses nearly everyone) pays no throw; <see cref="EnsureSuccess"/> throws for those who prefer.
/// </summary>
public sealed class ApiResult<T>
{
    private ApiResult(HttpStatusCode status, T? value, ProblemDetails? problem, TimeSpan? retryAfter)
    {
        Status = status;
        Value = value;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status: 201 and 200 both succeed where a repeat answers the first result (confirming, say).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The body of a success; null for a refusal, and for a success without a body.</summary>
    public T? Value { get; }

    /// <summary>The problem of a refusal; null for a success.</summary>
    public ProblemDetails? Problem { get; }

    /// <summary>The refusal's Retry-After (429, 503), when it said one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for a 2xx answer.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The problem's <c>error</c> code (an <see cref="ErrorCodes"/> constant), or null for a success.</summary>
    public string? Error => Problem?.Error;

    /// <summary>The body of a success; throws <see cref="ReservationsApiException"/> for a refusal.</summary>
    public T EnsureSuccess() => IsSuccess ? Value! : throw new ReservationsApiException(Status, Problem);

    internal static ApiResult<T> Success(HttpStatusCode status, T? value) => new(status, value, null, null);

    internal static ApiResult<T> Refusal(HttpStatusCode status, ProblemDetails problem, TimeSpan? retryAfter) => new(status, default, problem, retryAfter);
}
