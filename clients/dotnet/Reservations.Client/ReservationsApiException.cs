using System.Net;

namespace Reservations.Client;

/// <summary>A refusal of the engine, thrown by <see cref="ApiResult{T}.EnsureSuccess"/>: the status and the problem with its <c>error</c> code.</summary>
public sealed class ReservationsApiException : Exception
{
    /// <summary>A refusal with its problem.</summary>
    public ReservationsApiException(HttpStatusCode status, ProblemDetails problem)
        : base($"{(int)status} {problem.Error}: {problem.Detail ?? problem.Title}")
    {
        Status = status;
        Problem = problem;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem+json body.</summary>
    public ProblemDetails Problem { get; }

    /// <summary>The stable machine code (an <see cref="ErrorCodes"/> constant).</summary>
    public string Error => Problem.Error;
}
