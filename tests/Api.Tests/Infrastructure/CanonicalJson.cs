using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// JSON in one spelling: two-space indents, characters unescaped where JSON allows, a final newline. Members keep
/// their order, which the framework takes from the code (routes as mapped, properties as declared), so a diff reads
/// like the change that made it.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(string json) => JsonNode.Parse(json)!.ToJsonString(Written).ReplaceLineEndings("\n") + "\n";
}
