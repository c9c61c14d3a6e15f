namespace Reservations.Api.Security;

/// <summary>Who may call a route group: each names an authorization policy of <see cref="ApiAuthentication"/>.</summary>
internal enum AuthRequirement
{
    /// <summary>x-app-id and x-api-key of an enabled app, from an allowed origin.</summary>
    Tenant,
    /// <summary>Tenant, plus a user's bearer token of that same app.</summary>
    TenantUser,
    /// <summary>TenantUser, with a key that may confirm bookings: the secret key, or the original one as the app's confirmation mode allows (<see cref="AppKeys"/>).</summary>
    SecretTenantUser,
    /// <summary>An admin bearer token.</summary>
    Admin,
    /// <summary>An admin bearer token, or the admin cookie a browser got from POST /admin/login (<see cref="AdminPageCookie"/>).</summary>
    AdminPage,
}

/// <summary>The requirement a route group applied: for the refusal's wording, idempotency's scope and the OpenAPI document.</summary>
internal sealed record AuthRequirementMetadata(AuthRequirement Requirement);

internal static class AuthRequirementExtensions
{
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Require(AuthRequirement.Tenant);

    public static TBuilder RequireTenantUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Require(AuthRequirement.TenantUser);

    public static TBuilder RequireSecretTenantUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Require(AuthRequirement.SecretTenantUser);

    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Require(AuthRequirement.Admin);

    public static TBuilder RequireAdminPage<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.Require(AuthRequirement.AdminPage);

    /// <summary>The authenticated app of a tenant request: the app key scheme's identity.</summary>
    public static string AppId(this HttpContext context) =>
        context.User.IdentityOf<AppIdentity>()?.AppId ?? throw new InvalidOperationException("Not a tenant endpoint.");

    /// <summary>The authenticated user of a tenant user request: the bearer token's subject.</summary>
    public static string UserId(this HttpContext context) =>
        (context.User.IdentityOf<AppIdentity>() is not null ? context.User.IdentityOf<TokenIdentity>()?.Subject : null)
        ?? throw new InvalidOperationException("Not a user endpoint.");

    private static TBuilder Require<TBuilder>(this TBuilder builder, AuthRequirement requirement) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(requirement.ToString()).WithMetadata(new AuthRequirementMetadata(requirement));
}
