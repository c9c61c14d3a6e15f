using System.Globalization;
using System.Text.Json.Nodes;
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
    /// <summary>The members some problems add to list seats (see <see cref="ApiProblem"/>).</summary>
    private static readonly (string Member, string Description)[] ProblemLists =
    [
        ("unavailableSeatIds", "seats_unavailable: the seats of the group that are held or booked."),
        ("unknownSeatIds", "seat_not_found (a group hold): the seats that do not exist in this app."),
        ("lostSeatIds", "group_incomplete: the seats whose holds ended before the group was confirmed."),
    ];

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
                    // A reference to a component, so clients generate one type per body rather than one per route.
                    var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
                    context.Document!.AddComponent(type.Name, schema);
                    schemas.Add(new OpenApiSchemaReference(type.Name, context.Document));
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
                Enum = [.. ErrorCodes.All.Order(StringComparer.Ordinal).Select(code => (JsonNode)code)],
            };
            foreach (var (member, description) in ProblemLists)
            {
                properties[member] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = description };
            }

            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "title", "status", ApiProblem.ErrorMember };
        }

        return Task.CompletedTask;
    }

    private static IOpenApiResponse? Response(OpenApiOperation operation, int statusCode) =>
        operation.Responses?.TryGetValue(statusCode.ToString(CultureInfo.InvariantCulture), out var response) == true ? response : null;
}
