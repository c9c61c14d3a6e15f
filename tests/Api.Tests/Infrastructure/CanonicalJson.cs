using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>JSON in one spelling: members sorted by name, two-space indents, characters unescaped where JSON allows, a final newline.</summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(string json) => Sorted(JsonNode.Parse(json))!.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => KeyValuePair.Create(member.Key, Sorted(member.Value?.DeepClone())))),
        JsonArray array => new JsonArray([.. array.Select(item => Sorted(item?.DeepClone()))]),
        _ => node?.DeepClone(),
    };
}
