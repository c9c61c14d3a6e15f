using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;
using Reservations.Grains;
using Reservations.Grains.Tenants;
using Reservations.Grains.Usage;

namespace Reservations.Api.Security;

/// <summary>
/// The app key scheme: x-app-id and x-api-key name an enabled app and its current key (cached a few
/// seconds by <see cref="TenantAuthCache"/>), and a browser's Origin is the engine's own or among the
/// app's allowed domains, whose CORS answer headers it then sets. Its challenge writes the refusal.
/// It implements <see cref="IAuthenticationHandler"/> itself rather than deriving from
/// <c>AuthenticationHandler&lt;TOptions&gt;</c>: it runs on every tenant request, and that base class
/// costs a logger, an options look-up and a result object per request for features (events,
/// forwarding) this scheme does not use (docs/performance.md).
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(TenantAuthCache tenants, UsageMeter usage) : IAuthenticationHandler
{
    public const string AppIdHeader = "x-app-id";
    public const string ApiKeyHeader = "x-api-key";

    private static readonly Task<AuthenticateResult> WrongCredentials = Refusal(ApiProblem.InvalidAppCredentials);
    private static readonly Task<AuthenticateResult> Disabled = Refusal(ApiProblem.Of(StatusCodes.Status403Forbidden, "app_disabled", "This app is disabled."));
    private static readonly Task<AuthenticateResult> OriginRefused =
        Refusal(ApiProblem.Of(StatusCodes.Status403Forbidden, "origin_not_allowed", "This origin is not among the app's allowed domains."));

    /// <summary>
    /// An app's success, made once: it holds only the app id, so it is the same for every request of the
    /// app, and the policy evaluator copies its identity into each request's own principal.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Task<AuthenticateResult>> Successes = new(StringComparer.Ordinal);
    private const int MaxSuccesses = 10_000;

    private static readonly ProblemResult Forbidden = ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "This app may not do that.");

    public static bool IsAppIdShaped(string? appId) => appId is not null && AppIdPattern().IsMatch(appId);

    private HttpContext _context = null!;
    private Task<AuthenticateResult>? _result;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    /// <summary>Once per request: the authorization policy and a refusal's challenge share the result.</summary>
    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= AuthenticateOnce();

    private Task<AuthenticateResult> AuthenticateOnce()
    {
        var headers = _context.Request.Headers;
        var appId = headers[AppIdHeader].ToString();
        var key = headers[ApiKeyHeader].ToString();
        if (!IsAppIdShaped(appId) || key.Length is 0 or > 256)
        {
            return WrongCredentials;
        }

        // Almost always answered from the cache, without a grain call: then nothing here awaits.
        var auth = tenants.GetAsync(appId);
        return auth.IsCompletedSuccessfully ? Check(appId, key, auth.Result) : CheckAsync(appId, key, auth);
    }

    private async Task<AuthenticateResult> CheckAsync(string appId, string key, ValueTask<TenantAuth?> auth) => await Check(appId, key, await auth);

    private Task<AuthenticateResult> Check(string appId, string key, TenantAuth? auth)
    {
        if (auth is null || !Secrets.Matches(key, auth.KeyHash.AsSpan()))
        {
            return WrongCredentials;
        }

        if (!auth.Enabled)
        {
            return Disabled;
        }

        var origin = _context.Request.Headers.Origin.ToString();
        // The engine's own pages (/demo) are same-origin: no site but the engine can send that Origin.
        if (origin.Length > 0 && !TenantCors.IsSameOrigin(_context.Request, origin))
        {
            if (!TenantCors.IsAllowed(origin, auth.AllowedOrigins))
            {
                return OriginRefused;
            }

            _context.Response.Headers.AccessControlAllowOrigin = origin;
            _context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }

        usage.CountRequest(appId);
        return Successes.TryGetValue(appId, out var success) ? success : RememberSuccess(appId);
    }

    private static Task<AuthenticateResult> RememberSuccess(string appId)
    {
        if (Successes.Count >= MaxSuccesses)
        {
            Successes.Clear();
        }

        var success = Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new AppIdentity(appId)), ApiAuthentication.ApiKeyScheme)));
        return Successes.GetOrAdd(appId, success);
    }

    public async Task ChallengeAsync(AuthenticationProperties? properties)
    {
        var result = await AuthenticateAsync();
        var refusal = (result.Failure as AppKeyRefusal)?.Problem ?? ApiProblem.InvalidAppCredentials;
        await refusal.ExecuteAsync(_context);
    }

    public Task ForbidAsync(AuthenticationProperties? properties) => Forbidden.ExecuteAsync(_context);

    [GeneratedRegex("^APP-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AppIdPattern();

    private static Task<AuthenticateResult> Refusal(ProblemResult problem) => Task.FromResult(AuthenticateResult.Fail(new AppKeyRefusal(problem)));

    /// <summary>Why the app key scheme refused: the answer its challenge writes. Never thrown; its message names no secret.</summary>
    private sealed class AppKeyRefusal(ProblemResult problem) : Exception(problem.Error)
    {
        public ProblemResult Problem { get; } = problem;
    }
}
