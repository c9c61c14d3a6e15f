using System.Text;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Reservations.Client.Generator;

/// <summary>
/// The .NET client's generated files from the OpenAPI document: NSwag writes the bodies (records) and one
/// method per operation (through Templates/Client.Class.liquid, which calls the hand-written transport);
/// this class adds the error codes and the source-generated JSON context NSwag does not write.
/// </summary>
public static partial class ClientGenerator
{
    public const string Namespace = "Reservations.Client";

    public static async Task<IReadOnlyDictionary<string, string>> GenerateAsync(string openApiJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(openApiJson);
        var errorCodes = DocumentShaping.TakeErrorCodes(document);
        DocumentShaping.Apply(document);

        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ReservationsClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            GenerateClientInterfaces = false,
            GenerateExceptionClasses = false,
            GenerateResponseClasses = false,
            GenerateOptionalParameters = true,
            UseBaseUrl = false,
            InjectHttpClient = false,
            ClientClassAccessModifier = "public",
            ResponseArrayType = "System.Collections.Generic.IReadOnlyList",
            ResponseDictionaryType = "System.Collections.Generic.IReadOnlyDictionary",
            ParameterArrayType = "System.Collections.Generic.IReadOnlyList",
            CSharpGeneratorSettings =
            {
                Namespace = Namespace,
                JsonLibrary = CSharpJsonLibrary.SystemTextJson,
                GenerateNativeRecords = true,
                SortConstructorParameters = false,
                ClassStyle = CSharpClassStyle.Record,
                GenerateNullableReferenceTypes = true,
                GenerateOptionalPropertiesAsNullable = true,
                GenerateDataAnnotations = false,
                ArrayType = "System.Collections.Generic.IReadOnlyList",
                ArrayInstanceType = "System.Collections.Generic.List",
                DictionaryType = "System.Collections.Generic.IReadOnlyDictionary",
                DictionaryInstanceType = "System.Collections.Generic.Dictionary",
                NumberDecimalType = "decimal",
                AnyType = "System.Text.Json.JsonElement",
                ExcludedTypeNames = ["JsonElement"],
                TemplateDirectory = Path.Combine(AppContext.BaseDirectory, "Templates"),
            },
        };
        var code = Tidy(new CSharpClientGenerator(document, settings).GenerateFile());
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ReservationsClient.g.cs"] = code,
            ["ErrorCodes.g.cs"] = ErrorCodesFile(errorCodes),
            ["ReservationsJsonContext.g.cs"] = JsonContextFile(code),
        };
    }

    // NSwag stamps its own version and writes trailing spaces; neither should make a diff.
    private static string Tidy(string code) => TrailingSpace().Replace(code.ReplaceLineEndings("\n"), "").TrimEnd() + "\n";

    private static string ErrorCodesFile(IReadOnlyList<string> codes)
    {
        var text = new StringBuilder(Header).Append(
            $$"""
            namespace {{Namespace}};

            /// <summary>The stable codes of a problem's <c>error</c> member (<see cref="ProblemDetails.Error"/>), as the OpenAPI document lists them.</summary>
            public static class ErrorCodes
            {

            """);
        foreach (var code in codes)
        {
            text.Append($"    /// <summary><c>{code}</c></summary>\n    public const string {Pascal(code)} = \"{code}\";\n\n");
        }

        return text.ToString().TrimEnd() + "\n}\n";
    }

    /// <summary>Every body type the generated code reads or writes, for System.Text.Json's source generator.</summary>
    private static string JsonContextFile(string code)
    {
        var types = Record().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(ResultType().Matches(code).Select(m => m.Groups[1].Value))
            .Where(type => type != "NoContent")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var text = new StringBuilder(Header).Append(
            $$"""
            namespace {{Namespace}};

            /// <summary>Source-generated JSON for every body: no reflection when the client reads or writes one.</summary>
            [System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]

            """);
        foreach (var type in types)
        {
            text.Append($"[System.Text.Json.Serialization.JsonSerializable(typeof({type}))]\n");
        }

        return text.Append("internal sealed partial class ReservationsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;\n").ToString();
    }

    private static string Pascal(string code) => string.Concat(code.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private const string Header = "// <auto-generated>clients/generate.sh writes this file from clients/openapi.json; do not edit it.</auto-generated>\n\n";

    [GeneratedRegex(@"[ \t]+(?=\n)")]
    private static partial Regex TrailingSpace();

    [GeneratedRegex(@"public partial record (\w+)")]
    private static partial Regex Record();

    [GeneratedRegex(@"ApiResult<([\w.]+<[\w.]+>|[\w.]+)>")]
    private static partial Regex ResultType();
}
