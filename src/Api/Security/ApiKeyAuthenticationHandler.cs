using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;
using Reservations.Grains;
using Reservations.Grains.Tenants;
using Reservations.Grains.Usage;

namespace Reservations.Api.Security;

/// <summary>
/// The app key scheme: x-app-id and x-api-key name an enabled app and one of its current keys (cached a
/// few seconds by <see cref="TenantAuthCache"/>), and a browser's Origin is the engine's own or among the
/// app's allowed domains, whose CORS answer headers it then sets. The identity says which kind of key it
/// was, and the app's confirmation mode (<see cref="AppKeys"/>). Its challenge writes the refusal.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, TenantAuthCache tenants, UsageMeter usage)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string AppIdHeader = "x-app-id";
    public const string ApiKeyHeader = "x-api-key";

    private static readonly AuthenticateResult WrongCredentials = AuthenticateResult.Fail(new AppKeyRefusal(ApiProblem.InvalidAppCredentials));
    private static readonly AuthenticateResult Disabled =
        AuthenticateResult.Fail(new AppKeyRefusal(ApiProblem.Of(StatusCodes.Status403Forbidden, "app_disabled", "This app is disabled.")));
    private static readonly AuthenticateResult OriginRefused = AuthenticateResult.Fail(new AppKeyRefusal(
        ApiProblem.Of(StatusCodes.Status403Forbidden, "origin_not_allowed", "This origin is not among the app's allowed domains.")));

    public static bool IsAppIdShaped(string? appId) => appId is not null && AppIdPattern().IsMatch(appId);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        var appId = headers[AppIdHeader].ToString();
        var key = headers[ApiKeyHeader].ToString();
        if (!IsAppIdShaped(appId) || key.Length is 0 or > 256)
        {
            return WrongCredentials;
        }

        var auth = await tenants.GetAsync(appId);
        if (auth is null || KindOf(key, auth) is not { } kind)
        {
            return WrongCredentials;
        }

        if (!auth.Enabled)
        {
            return Disabled;
        }

        var origin = headers.Origin.ToString();
        // The engine's own pages (/demo) are same-origin: no site but the engine can send that Origin.
        if (origin.Length > 0 && !TenantCors.IsSameOrigin(Request, origin))
        {
            if (!TenantCors.IsAllowed(origin, auth.AllowedOrigins))
            {
                return OriginRefused;
            }

            Response.Headers.AccessControlAllowOrigin = origin;
            Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }

        usage.CountRequest(appId);
        var identity = new ClaimsIdentity([new Claim(TokenService.AppClaim, appId), new Claim(AppKeys.KindClaim, kind)], ApiAuthentication.ApiKeyScheme);
        if (auth.Confirmation != ConfirmationMode.Any)
        {
            identity.AddClaim(new Claim(AppKeys.ConfirmationClaim, auth.Confirmation.ToString()));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiAuthentication.ApiKeyScheme));
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

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var refusal = (result.Failure as AppKeyRefusal)?.Problem ?? ApiProblem.InvalidAppCredentials;
        await refusal.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "This app may not do that.").ExecuteAsync(Context);

    [GeneratedRegex("^APP-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AppIdPattern();

    /// <summary>Why the app key scheme refused: the answer its challenge writes. Never thrown; its message names no secret.</summary>
    private sealed class AppKeyRefusal(ProblemResult problem) : Exception(problem.Error)
    {
        public ProblemResult Problem { get; } = problem;
    }
}
