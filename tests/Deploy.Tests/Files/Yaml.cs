using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Reservations.Deploy.Tests.Files;

/// <summary>
/// YAML as plain objects, the way compose and kubectl read it: mappings, lists and string scalars,
/// with anchors, aliases and merge keys (<c>&lt;&lt;</c>) resolved.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<object?> Documents(TextReader reader)
    {
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<object?>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Deserializer.Deserialize(parser));
        }

        return documents;
    }

    public static IReadOnlyList<object?> Documents(string path)
    {
        using var reader = File.OpenText(path);
        return Documents(reader);
    }

    public static IDictionary<object, object?> Map(object? node) =>
        node as IDictionary<object, object?> ?? new Dictionary<object, object?>();

    public static IEnumerable<object?> List(object? node) => node as IEnumerable<object?> ?? [];

    public static object? At(object? node, params string[] path) =>
        path.Aggregate(node, (current, key) => Map(current).TryGetValue(key, out var child) ? child : null);

    public static string? Text(object? node, params string[] path) => At(node, path) as string;
}
