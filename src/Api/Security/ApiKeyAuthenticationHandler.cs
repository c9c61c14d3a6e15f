using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;
using Reservations.Grains;
using Reservations.Grains.Tenants;
using Reservations.Grains.Usage;

namespace Reservations.Api.Security;

/// <summary>
/// The app key scheme: x-app-id and x-api-key name an enabled app and one of its current keys (cached a
/// few seconds by <see cref="TenantAuthCache"/>), and a browser's Origin is the engine's own or among the
/// app's allowed domains, whose CORS answer headers it then sets. The identity (<see cref="AppIdentity"/>) says which kind of key it
/// was, and the app's confirmation mode (<see cref="AppKeys"/>). Its challenge writes the refusal.
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
    /// Successes, made once: one holds only the app, the kind of key and the app's confirmation mode, so
    /// it is the same for every request that shares them, and the policy evaluator copies its identity
    /// into each request's own principal.
    /// </summary>
    private static readonly ConcurrentDictionary<(string AppId, string Kind, ConfirmationMode Confirmation), Task<AuthenticateResult>> Successes = new();
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
        if (auth is null || KindOf(key, auth) is not { } kind)
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
        return Successes.TryGetValue((appId, kind, auth.Confirmation), out var success) ? success : RememberSuccess(appId, kind, auth.Confirmation);
    }

    /// <summary>Which of the app's keys this is, or null for none. Hashed once; each comparison in constant time.</summary>
    private static string? KindOf(string key, TenantAuth auth)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Secrets.Sha256(key, hash);
        if (key.StartsWith(AppKeys.PublishablePrefix, StringComparison.Ordinal))
        {
            return Is(hash, auth.PublishableKeyHash) ? AppKeys.Publishable : null;
        }

        return Is(hash, auth.KeyHash) ? AppKeys.Original
            : Is(hash, auth.SecretKeyHash) ? AppKeys.Secret
            : null;
    }

    private static bool Is(ReadOnlySpan<byte> hash, ImmutableArray<byte> expected) =>
        !expected.IsDefaultOrEmpty && CryptographicOperations.FixedTimeEquals(hash, expected.AsSpan());

    private static Task<AuthenticateResult> RememberSuccess(string appId, string kind, ConfirmationMode confirmation)
    {
        if (Successes.Count >= MaxSuccesses)
        {
            Successes.Clear();
        }

        var identity = new AppIdentity(appId, kind, confirmation);
        var success = Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiAuthentication.ApiKeyScheme)));
        return Successes.GetOrAdd((appId, kind, confirmation), success);
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
