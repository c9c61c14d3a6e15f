using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>
/// ASP.NET Core authentication and authorization for the API: the app key scheme
/// (<see cref="ApiKeyAuthenticationHandler"/>), JwtBearer for user and admin tokens (and a second
/// JwtBearer scheme that also reads the admin page cookie), and one policy per <see cref="AuthRequirement"/>,
/// which route groups apply once (<see cref="AuthRequirementExtensions"/>).
/// </summary>
internal static class ApiAuthentication
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string AdminPageScheme = "AdminPage";

    private static readonly ProblemResult AdminTokenRequired = ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_token", "An admin bearer token is required.");
    private static readonly ProblemResult AdminPageRequired = ApiProblem.Of(
        StatusCodes.Status401Unauthorized, "invalid_token", "An admin bearer token, or the admin cookie that logging in at /admin/login sets, is required.");
    private static readonly ProblemResult AdminOnly = ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "This needs an admin token.");

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<CachingTokenHandler>();
        services.AddSingleton<SessionVersions>();
        services.AddTransient<ApiKeyAuthenticationHandler>();
        services.AddAuthentication(options => options.AddScheme(ApiKeyScheme, scheme => scheme.HandlerType = typeof(ApiKeyAuthenticationHandler)))
            .AddJwtBearer(BearerScheme)
            .AddJwtBearer(AdminPageScheme);
        services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<TokenService, CachingTokenHandler, SessionVersions>((options, tokens, handler, sessions) =>
            ConfigureBearer(options, tokens, handler, sessions, readsCookie: false));
        services.AddOptions<JwtBearerOptions>(AdminPageScheme).Configure<TokenService, CachingTokenHandler, SessionVersions>((options, tokens, handler, sessions) =>
            ConfigureBearer(options, tokens, handler, sessions, readsCookie: true));

        services.AddAuthorizationBuilder()
            .AddPolicy(nameof(AuthRequirement.Tenant), policy => policy.AddAuthenticationSchemes(ApiKeyScheme).RequireAuthenticatedUser())
            .AddPolicy(nameof(AuthRequirement.TenantUser), policy => policy.AddAuthenticationSchemes(ApiKeyScheme, BearerScheme)
                .AddRequirements(new CallerRequirement(IsUserOfTheApp, ApiProblem.InvalidToken)))
            .AddPolicy(nameof(AuthRequirement.SecretTenantUser), policy => policy.AddAuthenticationSchemes(ApiKeyScheme, BearerScheme)
                .AddRequirements(new CallerRequirement(IsUserOfTheApp, ApiProblem.InvalidToken), new CallerRequirement(AppKeys.ConfirmRefusal)))
            .AddPolicy(nameof(AuthRequirement.Admin), policy => policy.AddAuthenticationSchemes(BearerScheme)
                .AddRequirements(new CallerRequirement(IsAdmin, AdminOnly)))
            .AddPolicy(nameof(AuthRequirement.AdminPage), policy => policy.AddAuthenticationSchemes(AdminPageScheme)
                .AddRequirements(new CallerRequirement(IsAdmin, AdminOnly)));
        services.AddSingleton<IAuthorizationHandler, CallerRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    private static void ConfigureBearer(JwtBearerOptions options, TokenService tokens, CachingTokenHandler handler, SessionVersions sessions, bool readsCookie)
    {
        options.MapInboundClaims = false;
        // Kept, the token would be copied into every request's authentication properties, and no one reads it there.
        options.SaveToken = false;
        options.TokenValidationParameters = tokens.ValidationParameters;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(handler);
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // A browser opening an admin page sends the cookie; a bearer header, when there is one, decides.
                if (readsCookie && context.Request.Headers.Authorization.Count == 0 && AdminPageCookie.Read(context.HttpContext) is { Length: > 0 } cookie)
                {
                    context.Token = cookie;
                }

                return Task.CompletedTask;
            },
            // A token of a revoked session (password changed, logged out everywhere) is refused like a bad one.
            OnTokenValidated = async context =>
            {
                if (context.Principal is not { } principal || !await sessions.IsCurrentAsync(principal))
                {
                    context.Fail("The session was revoked.");
                }
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                var requirement = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AuthRequirementMetadata>()?.Requirement;
                var refusal = requirement switch
                {
                    AuthRequirement.AdminPage => AdminPageRequired,
                    AuthRequirement.Admin => AdminTokenRequired,
                    _ => ApiProblem.InvalidToken,
                };
                return refusal.ExecuteAsync(context.HttpContext);
            },
        };
    }

    /// <summary>A user's token (no role) of the very app whose key the request carries.</summary>
    private static bool IsUserOfTheApp(System.Security.Claims.ClaimsPrincipal user) =>
        user.IdentityOf<AppIdentity>() is { } app && user.IdentityOf<TokenIdentity>() is { IsUser: true, Subject: not null } token
        && string.Equals(token.AppId, app.AppId, StringComparison.Ordinal);

    private static bool IsAdmin(System.Security.Claims.ClaimsPrincipal user) => user.IdentityOf<TokenIdentity>() is { IsAdmin: true, IsAuthenticated: true };
}
