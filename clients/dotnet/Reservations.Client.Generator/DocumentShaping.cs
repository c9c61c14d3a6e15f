using NJsonSchema;
using NSwag;

namespace Reservations.Client.Generator;

/// <summary>
/// What the generated C# needs that the document says in a way NSwag would make awkward: codes kept as
/// strings with constants beside (an unknown code must not break reading a problem), bodies that are one
/// of two records read as one record holding both, the event stream and the idempotency header left to
/// the hand-written part, and unknown members of a body ignored.
/// </summary>
internal static class DocumentShaping
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public static IReadOnlyList<string> TakeErrorCodes(OpenApiDocument document)
    {
        var error = document.Definitions["ProblemDetails"].Properties["error"];
        var codes = error.Enumeration.Select(code => (string)code!).Order(StringComparer.Ordinal).ToList();
        error.Enumeration.Clear();
        error.EnumerationNames.Clear();
        return codes;
    }

    public static void Apply(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.ToList())
            {
                if (operation.Responses.Values.Any(response => response.Content.ContainsKey("text/event-stream")))
                {
                    item.Remove(method);
                    continue;
                }

                foreach (var header in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Header && p.Name == IdempotencyHeader).ToList())
                {
                    operation.Parameters.Remove(header);
                }

                foreach (var media in operation.Responses.Values.SelectMany(response => response.Content.Values))
                {
                    if (media.Schema is { OneOf.Count: > 1 } either)
                    {
                        media.Schema = new JsonSchema { Reference = Merged(document, either) };
                    }
                }
            }
        }

        foreach (var schema in document.Definitions.Values)
        {
            schema.AllowAdditionalProperties = false;
        }
    }

    /// <summary>One record with the members of every alternative, each optional: "SeatReleaseOrGroupRelease", say.</summary>
    private static JsonSchema Merged(OpenApiDocument document, JsonSchema either)
    {
        var alternatives = either.OneOf.Select(alternative => alternative.ActualSchema).ToList();
        var name = string.Join("Or", alternatives.Select(alternative => document.Definitions.Single(d => d.Value == alternative).Key));
        if (document.Definitions.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var merged = new JsonSchema
        {
            Type = JsonObjectType.Object,
            Description = $"One of {string.Join(", ", alternatives.Select(a => document.Definitions.Single(d => d.Value == a).Key))}: the members of the one answered are set.",
        };
        foreach (var alternative in alternatives)
        {
            foreach (var (member, property) in alternative.ActualProperties)
            {
                merged.Properties.TryAdd(member, new JsonSchemaProperty
                {
                    Type = property.HasReference ? JsonObjectType.None : property.Type | JsonObjectType.Null,
                    IsNullableRaw = true,
                    Format = property.Format,
                    Item = property.Item,
                    Reference = property.Reference,
                    Description = property.Description,
                });
            }
        }

        document.Definitions[name] = merged;
        return merged;
    }
}
