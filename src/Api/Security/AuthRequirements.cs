namespace Reservations.Api.Security;

/// <summary>Endpoint metadata the <see cref="ApiAuthenticationMiddleware"/> acts on; set once per route group.</summary>
internal enum AuthRequirement
{
    /// <summary>x-app-id and x-api-key of an enabled app, from an allowed origin.</summary>
    Tenant,
    /// <summary>Tenant, plus a user's bearer token of that same app.</summary>
    TenantUser,
    /// <summary>An admin bearer token.</summary>
    Admin,
    /// <summary>An admin bearer token, or the admin cookie a browser got from POST /admin/login (<see cref="AdminPageCookie"/>).</summary>
    AdminPage,
}

internal sealed record AuthRequirementMetadata(AuthRequirement Requirement);

/// <summary>Who a tenant request was authenticated as: set by the <see cref="ApiAuthenticationMiddleware"/>.</summary>
internal sealed record TenantCaller(string AppId, string? UserId);

internal static class AuthRequirementExtensions
{
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuthRequirementMetadata(AuthRequirement.Tenant));

    public static TBuilder RequireTenantUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuthRequirementMetadata(AuthRequirement.TenantUser));

    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuthRequirementMetadata(AuthRequirement.Admin));

    public static TBuilder RequireAdminPage<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuthRequirementMetadata(AuthRequirement.AdminPage));

    /// <summary>The authenticated app of a tenant request.</summary>
    public static string AppId(this HttpContext context) =>
        context.Features.Get<TenantCaller>()?.AppId ?? throw new InvalidOperationException("Not a tenant endpoint.");

    /// <summary>The authenticated user of a tenant user request.</summary>
    public static string UserId(this HttpContext context) =>
        context.Features.Get<TenantCaller>()?.UserId ?? throw new InvalidOperationException("Not a user endpoint.");
}
