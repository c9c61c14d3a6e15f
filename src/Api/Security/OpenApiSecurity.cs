using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reservations.Api.Security;

/// <summary>
/// Declares the authentication schemes in the OpenAPI document, and on each operation the ones its
/// route group requires (<see cref="AuthRequirementMetadata"/>): the app id and key together, plus a
/// bearer token for user routes; a bearer token alone for admin routes; the app id and a payment
/// signature for payment notifications.
/// </summary>
internal static class OpenApiSecurity
{
    public const string AppIdScheme = "AppId";
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string PaymentSignatureScheme = "PaymentSignature";

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
            Description = "One of the app's keys, each shown once when issued: the publishable key (pk_live_…, safe in a browser: "
                + "everything but confirming bookings), the secret key (sk_server_…, for the app's server: everything) or the key the app was created with "
                + "(sk_live_…: everything, confirming too unless the app's confirmation setting is server or signed).",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A user's token (from /auth/signup or /auth/login, for the same app) or an admin's (from /admin/login).",
        };
        document.Components.SecuritySchemes[PaymentSignatureScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Endpoints.PaymentNotificationEndpoints.SignatureHeader,
            Description = "Standard Webhooks: webhook-signature = v1,base64(HMAC-SHA256(signing secret, \"{webhook-id}.{webhook-timestamp}.{body}\")), "
                + "with webhook-id (the notification's id), webhook-timestamp (Unix seconds, within 5 minutes of now) and x-app-id (docs/payments.md).",
        };
        return Task.CompletedTask;
    }

    private static Task RequireSchemes(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var requirement = metadata.OfType<AuthRequirementMetadata>().LastOrDefault()?.Requirement;
        string[] schemes = metadata.OfType<Endpoints.SignedNotificationMetadata>().Any() ? [AppIdScheme, PaymentSignatureScheme] : requirement switch
        {
            AuthRequirement.Tenant => [AppIdScheme, ApiKeyScheme],
            AuthRequirement.TenantUser or AuthRequirement.SecretTenantUser => [AppIdScheme, ApiKeyScheme, BearerScheme],
            AuthRequirement.Admin or AuthRequirement.AdminPage => [BearerScheme],
            _ => [],
        };
        var all = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes)
        {
            all[new OpenApiSecuritySchemeReference(scheme, context.Document)] = [];
        }

        // An empty requirement says the route is public, rather than leaving it unsaid.
        operation.Security = [all];
        if (schemes.Length > 0)
        {
            DeclareRefusedCredentials(operation, context.Document!);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every route that needs credentials can refuse them, whether or not it says more about its 401.</summary>
    private static void DeclareRefusedCredentials(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse
        {
            Description = "unauthorized, invalid_app_credentials or invalid_token: the credentials are missing, wrong or expired.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        });
    }
}
