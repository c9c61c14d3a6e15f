using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Reservations.Api.Errors;
using Reservations.Grains;
using Reservations.Grains.Usage;

namespace Reservations.Api.Security;

/// <summary>
/// Authenticates before the body is read, so an unauthenticated caller learns nothing from
/// validation errors: app key, app status, origin, then the bearer token, per the endpoint's requirement.
/// </summary>
internal sealed partial class ApiAuthenticationMiddleware(
    RequestDelegate next, TenantAuthCache tenants, TokenService tokens, UsageMeter usage)
{
    public const string AppIdHeader = "x-app-id";
    public const string ApiKeyHeader = "x-api-key";

    private static readonly ProblemResult AdminTokenRequired = ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_token", "An admin bearer token is required.");
    private static readonly ProblemResult AdminPageRequired = ApiProblem.Of(
        StatusCodes.Status401Unauthorized, "invalid_token", "An admin bearer token, or the admin cookie that logging in at /admin/login sets, is required.");

    /// <summary>Without awaiting when the caches answer, so a request costs this middleware no allocation.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<AuthRequirementMetadata>()?.Requirement;
        var check = requirement switch
        {
            AuthRequirement.Admin => AuthenticateAdminAsync(context, acceptCookie: false),
            AuthRequirement.AdminPage => AuthenticateAdminAsync(context, acceptCookie: true),
            AuthRequirement.Tenant or AuthRequirement.TenantUser => AuthenticateTenantAsync(context, requirement.Value),
            _ => ValueTask.FromResult<ProblemResult?>(null),
        };

        return check.IsCompletedSuccessfully ? Continue(check.Result, context) : ContinueAsync(check, context);
    }

    private Task Continue(ProblemResult? refusal, HttpContext context) => refusal is null ? next(context) : refusal.ExecuteAsync(context);

    private async Task ContinueAsync(ValueTask<ProblemResult?> check, HttpContext context) => await Continue(await check, context);

    public static bool IsAppIdShaped(string? appId) => appId is not null && AppIdPattern().IsMatch(appId);

    private async ValueTask<ProblemResult?> AuthenticateTenantAsync(HttpContext context, AuthRequirement requirement)
    {
        var headers = context.Request.Headers;
        var appId = headers[AppIdHeader].ToString();
        var key = headers[ApiKeyHeader].ToString();
        if (!IsAppIdShaped(appId) || key.Length is 0 or > 256)
        {
            return ApiProblem.InvalidAppCredentials;
        }

        var auth = await tenants.GetAsync(appId);
        if (auth is null || !Secrets.Matches(key, auth.KeyHash.AsSpan()))
        {
            return ApiProblem.InvalidAppCredentials;
        }

        if (!auth.Enabled)
        {
            return ApiProblem.Of(StatusCodes.Status403Forbidden, "app_disabled", "This app is disabled.");
        }

        var origin = headers.Origin.ToString();
        // The engine's own pages (/demo) are same-origin: no site but the engine can send that Origin.
        if (origin.Length > 0 && !TenantCors.IsSameOrigin(context.Request, origin))
        {
            if (!TenantCors.IsAllowed(origin, auth.AllowedOrigins))
            {
                return ApiProblem.Of(StatusCodes.Status403Forbidden, "origin_not_allowed", "This origin is not among the app's allowed domains.");
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }

        usage.CountRequest(appId);
        string? userId = null;
        if (requirement == AuthRequirement.TenantUser)
        {
            var identity = await ReadBearerAsync(context);
            if (identity is not { AppId: { } tokenApp, Role: null } || !string.Equals(tokenApp, appId, StringComparison.Ordinal))
            {
                return ApiProblem.InvalidToken;
            }

            userId = identity.Subject;
        }

        context.Features.Set(new TenantCaller(appId, userId));
        return null;
    }

    private async ValueTask<ProblemResult?> AuthenticateAdminAsync(HttpContext context, bool acceptCookie)
    {
        var identity = acceptCookie && context.Request.Headers.Authorization.Count == 0 && AdminPageCookie.Read(context) is { Length: > 0 } cookie
            ? await tokens.ValidateAsync(cookie)
            : await ReadBearerAsync(context);
        if (identity is null)
        {
            return acceptCookie ? AdminPageRequired : AdminTokenRequired;
        }

        return identity.Role == TokenService.AdminRole
            ? null
            : ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "This needs an admin token.");
    }

    private ValueTask<TokenIdentity?> ReadBearerAsync(HttpContext context)
    {
        const string scheme = "Bearer ";
        var authorization = context.Request.Headers.Authorization.ToString().AsSpan();
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? tokens.ValidateAsync(authorization[scheme.Length..].Trim())
            : ValueTask.FromResult<TokenIdentity?>(null);
    }

    [GeneratedRegex("^APP-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AppIdPattern();
}
