using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reservations.Api.Security;

namespace Reservations.Api.Idempotency;

internal static class IdempotencyExtensions
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services) => services.AddSingleton<IdempotencySecrets>();

    /// <summary>After authentication (the key belongs to the caller) and rate limiting (a refusal is not kept).</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    /// <summary>Declares the optional header on the POST operations it applies to.</summary>
    public static OpenApiOptions AddIdempotencyKeyHeader(this OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        var requirement = context.Description.ActionDescriptor.EndpointMetadata.OfType<AuthRequirementMetadata>().LastOrDefault()?.Requirement;
        if (string.Equals(context.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)
            && requirement is AuthRequirement.Tenant or AuthRequirement.TenantUser or AuthRequirement.SecretTenantUser or AuthRequirement.Admin)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Any unique string (a UUID) of up to 255 printable ASCII characters. The same key with the same request "
                    + "within 24 hours gets the first answer again (with Idempotent-Replayed: true); with another request, 422 idempotency_key_reused.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyMiddleware.MaxKeyLength },
            });
        }

        return Task.CompletedTask;
    });
}
