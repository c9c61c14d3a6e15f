using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reservations.Api.Errors;

namespace Reservations.Api.Security;

/// <summary>
/// ASP.NET Core authentication and authorization for the API: the app key scheme
/// (<see cref="ApiKeyAuthenticationHandler"/>), the bearer token scheme for user and admin tokens (and a
/// second one that also reads the admin page cookie, <see cref="BearerTokenHandler"/>), and one policy per <see cref="AuthRequirement"/>,
/// which route groups apply once (<see cref="AuthRequirementExtensions"/>).
/// </summary>
internal static class ApiAuthentication
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string AdminPageScheme = "AdminPage";

    private static readonly ProblemResult AdminOnly = ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden", "This needs an admin token.");

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ValidatedTokens>();
        services.AddSingleton<SessionVersions>();
        services.AddTransient<ApiKeyAuthenticationHandler>();
        services.AddTransient<BearerTokenHandler>();
        services.AddSingleton<IAuthenticationSchemeProvider, CachedSchemeProvider>();
        services.AddAuthentication(options =>
        {
            options.AddScheme(ApiKeyScheme, scheme => scheme.HandlerType = typeof(ApiKeyAuthenticationHandler));
            options.AddScheme(BearerScheme, scheme => scheme.HandlerType = typeof(BearerTokenHandler));
            options.AddScheme(AdminPageScheme, scheme => scheme.HandlerType = typeof(BearerTokenHandler));
        });

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
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddTransient<PolicyEvaluator>();
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator, CallerPolicyEvaluator>());
        return services;
    }

    /// <summary>A user's token (no role) of the very app whose key the request carries.</summary>
    private static bool IsUserOfTheApp(System.Security.Claims.ClaimsPrincipal user) =>
        user.IdentityOf<AppIdentity>() is { } app && user.IdentityOf<TokenIdentity>() is { IsUser: true, Subject: not null } token
        && string.Equals(token.AppId, app.AppId, StringComparison.Ordinal);

    private static bool IsAdmin(System.Security.Claims.ClaimsPrincipal user) => user.IdentityOf<TokenIdentity>() is { IsAdmin: true, IsAuthenticated: true };
}
