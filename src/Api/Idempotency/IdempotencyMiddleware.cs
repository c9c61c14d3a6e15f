using System.Globalization;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains;
using Reservations.Grains.Idempotency;

namespace Reservations.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every POST of the tenant and admin route groups: the first request with a
/// key runs and its answer is kept (<see cref="IIdempotencyGrain"/>, per app and user, or per admin);
/// the same request again gets that answer for 24 hours, a different one with the key 422, and a
/// repeat while the first runs waits for it. Without the header a request costs this one header look-up.
/// </summary>
internal sealed class IdempotencyMiddleware(
    RequestDelegate next, GrainReferences grains, IdempotencySecrets secrets, TimeProvider time, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>Answers larger than this are sent but not kept: a repeat runs again.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private const string AdminOwner = "ADMIN";

    private static readonly ProblemResult InvalidKey = ApiProblem.Of(StatusCodes.Status400BadRequest, "invalid_idempotency_key",
        $"Idempotency-Key must be 1 to {MaxKeyLength} printable ASCII characters.");

    private static readonly ProblemResult KeyReused = ApiProblem.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
        "This Idempotency-Key was used for a different request in the last 24 hours; send a new key with a new request.");

    private static readonly ProblemResult InProgress = ApiProblem.Of(StatusCodes.Status409Conflict, "idempotency_in_progress",
        "The first request with this Idempotency-Key is still running; send it again shortly.");

    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var key))
        {
            return next(context);
        }

        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<AuthRequirementMetadata>()?.Requirement;
        return requirement is AuthRequirement.Tenant or AuthRequirement.TenantUser or AuthRequirement.SecretTenantUser or AuthRequirement.Admin
            ? RunAsync(context, key.ToString(), requirement.Value)
            : next(context);
    }

    private async Task RunAsync(HttpContext context, string key, AuthRequirement requirement)
    {
        if (!IsWellFormed(key))
        {
            await InvalidKey.ExecuteAsync(context);
            return;
        }

        var (owner, scope) = ScopeOf(context, requirement);
        var material = secrets.Derive(scope, key);
        var request = context.Request;
        var body = new MemoryStream();
        context.Response.RegisterForDispose(body);
        await request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        request.Body = body;
        var fingerprint = material.Fingerprint(request.Method, request.Path.Value + request.QueryString.Value, body.GetBuffer().AsSpan(0, (int)body.Length));

        var grain = grains.GetGrain<IIdempotencyGrain>(GrainKeys.Scoped(owner, material.Id));
        var claim = await grain.ClaimAsync(fingerprint);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Replay:
                await ReplayAsync(context, claim.Answer!, material);
                return;
            case IdempotencyClaimOutcome.Mismatch:
                await KeyReused.ExecuteAsync(context);
                return;
            case IdempotencyClaimOutcome.InProgress:
                context.Response.Headers.RetryAfter = ApiExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await InProgress.ExecuteAsync(context);
                return;
        }

        StoredAnswer? answer = null;
        var response = context.Response;
        var original = response.Body;
        using var recorder = new AnswerRecorder(original, MaxAnswerBytes);
        response.Body = recorder;
        try
        {
            await next(context);
            // A failure worth retrying (5xx, 429) is not kept: a repeat runs again.
            if (response.StatusCode is < 500 and not StatusCodes.Status429TooManyRequests && !recorder.Overflowed)
            {
                answer = new StoredAnswer(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    material.Seal(recorder.Recorded), time.GetUtcNow());
            }
        }
        finally
        {
            response.Body = original;
            await CompleteAsync(context, grain, fingerprint, answer);
        }
    }

    private async Task CompleteAsync(HttpContext context, IIdempotencyGrain grain, string fingerprint, StoredAnswer? answer)
    {
        try
        {
            await grain.CompleteAsync(fingerprint, answer);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The answer is sent; only its replay is lost, and the claim lapses by itself.
            ApiLog.IdempotentAnswerNotKept(logger, exception, context.Request.Method, context.Request.Path);
        }
    }

    private static async Task ReplayAsync(HttpContext context, StoredAnswer answer, IdempotencyKeyMaterial material)
    {
        var body = material.Open(answer.SealedBody);
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        if (answer.Location is not null)
        {
            response.Headers.Location = answer.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Whose key it is: the app and its user (tenant routes), or the admin.</summary>
    private static (string Owner, string Scope) ScopeOf(HttpContext context, AuthRequirement requirement) => requirement switch
    {
        AuthRequirement.Tenant => (context.AppId(), context.AppId()),
        AuthRequirement.TenantUser or AuthRequirement.SecretTenantUser => (context.AppId(), context.AppId() + "\n" + context.UserId()),
        _ => (AdminOwner, "admin\n" + context.User.IdentityOf<TokenIdentity>()?.Subject),
    };

    private static bool IsWellFormed(string key)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
