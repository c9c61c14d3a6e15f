using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reservations.Api.Errors;

namespace Reservations.Api.Hosting;

/// <summary>
/// Writes <see cref="ResponseAlternatives"/> (oneOf) and <see cref="ProblemCodes"/> (the response's
/// description) into the OpenAPI document, and the <c>error</c> member every problem answer carries.
/// </summary>
internal sealed class ResponseDocsTransformer : IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var alternatives in metadata.OfType<ResponseAlternatives>())
        {
            if (Response(operation, alternatives.StatusCode)?.Content?.TryGetValue("application/json", out var media) == true)
            {
                var schemas = new List<IOpenApiSchema>();
                foreach (var type in alternatives.Types)
                {
                    schemas.Add(await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
                }

                media.Schema = new OpenApiSchema { OneOf = schemas };
            }
        }

        foreach (var codes in metadata.OfType<ProblemCodes>())
        {
            if (Response(operation, codes.StatusCode) is OpenApiResponse response)
            {
                response.Description = codes.Description;
            }
        }
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ProblemDetails) && schema.Properties is { } properties)
        {
            properties[ApiProblem.ErrorMember] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A stable machine code (docs/api.md lists them); the response's description names the ones of its route and status.",
            };
        }

        return Task.CompletedTask;
    }

    private static IOpenApiResponse? Response(OpenApiOperation operation, int statusCode) =>
        operation.Responses?.TryGetValue(statusCode.ToString(CultureInfo.InvariantCulture), out var response) == true ? response : null;
}
