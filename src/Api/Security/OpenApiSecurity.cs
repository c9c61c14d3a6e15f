using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reservations.Api.Security;

/// <summary>
/// Declares the authentication schemes in the OpenAPI document, and on each operation the ones its
/// route group requires (<see cref="AuthRequirementMetadata"/>): the app id and key together, plus a
/// bearer token for user routes; a bearer token alone for admin routes.
/// </summary>
internal static class OpenApiSecurity
{
    public const string AppIdScheme = "AppId";
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public static OpenApiOptions AddApiSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer(DeclareSchemes);
        options.AddOperationTransformer(RequireSchemes);
        return options;
    }

    private static Task DeclareSchemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[AppIdScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.AppIdHeader,
            Description = "The app's id (APP-xxxx-xxxx-xxxx); sent with its key on every tenant request.",
        };
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.ApiKeyHeader,
            Description = "The app's key, shown once when the app is created or its key rotated.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A user's token (from /auth/signup or /auth/login, for the same app) or an admin's (from /admin/login).",
        };
        return Task.CompletedTask;
    }

    private static Task RequireSchemes(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var requirement = context.Description.ActionDescriptor.EndpointMetadata.OfType<AuthRequirementMetadata>().LastOrDefault()?.Requirement;
        string[] schemes = requirement switch
        {
            AuthRequirement.Tenant => [AppIdScheme, ApiKeyScheme],
            AuthRequirement.TenantUser => [AppIdScheme, ApiKeyScheme, BearerScheme],
            AuthRequirement.Admin or AuthRequirement.AdminPage => [BearerScheme],
            _ => [],
        };
        if (schemes.Length == 0)
        {
            return Task.CompletedTask;
        }

        var all = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes)
        {
            all[new OpenApiSecuritySchemeReference(scheme, context.Document)] = [];
        }

        operation.Security = [all];
        return Task.CompletedTask;
    }
}
