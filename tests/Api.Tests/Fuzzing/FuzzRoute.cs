using System.Text.Json;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>What a route asks of its caller, as the OpenAPI document declares it.</summary>
public enum FuzzAuth
{
    None,
    Tenant,
    TenantUser,
    Admin,
    /// <summary>A payment notification: x-app-id and a Standard Webhooks signature (docs/payments.md).</summary>
    PaymentSignature,
}

public enum FieldKind
{
    String,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>A member of a request body: its JSON kind, and for arrays and objects what they hold.</summary>
public sealed record FuzzField(string Name, FieldKind Kind, FieldKind? ItemKind, IReadOnlyList<FuzzField> Properties);

/// <summary>One operation of the served OpenAPI document, enough to generate requests for it.</summary>
public sealed record FuzzRoute(
    string Method,
    string Template,
    IReadOnlyList<string> OtherMethods,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyList<FuzzField>? Body,
    FuzzAuth Auth)
{
    public bool IsRead => Method == "GET";

    public override string ToString() => $"{Method} {Template}";

    /// <summary>Every operation of the document: a route added to the API is fuzzed without editing the suite.</summary>
    public static IReadOnlyList<FuzzRoute> ReadAll(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var routes = new List<FuzzRoute>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var methods = path.Value.EnumerateObject().Select(o => o.Name.ToUpperInvariant()).Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE").ToArray();
            foreach (var operation in path.Value.EnumerateObject().Where(o => methods.Contains(o.Name.ToUpperInvariant())))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToArray() : [];
                routes.Add(new FuzzRoute(
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    methods,
                    parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToArray(),
                    parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToArray(),
                    ReadBody(operation.Value, schemas),
                    ReadAuth(operation.Value)));
            }
        }

        return routes;
    }

    private static FuzzAuth ReadAuth(JsonElement operation)
    {
        var schemes = operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(o => o.Name)).ToHashSet(StringComparer.Ordinal)
            : [];
        if (schemes.Contains("PaymentSignature"))
        {
            return FuzzAuth.PaymentSignature;
        }

        return (schemes.Contains("AppId"), schemes.Contains("Bearer")) switch
        {
            (true, true) => FuzzAuth.TenantUser,
            (true, false) => FuzzAuth.Tenant,
            (false, true) => FuzzAuth.Admin,
            _ => FuzzAuth.None,
        };
    }

    private static IReadOnlyList<FuzzField>? ReadBody(JsonElement operation, JsonElement schemas) =>
        operation.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema)
            ? ReadProperties(Resolve(schema, schemas), schemas, depth: 0)
            : null;

    private static IReadOnlyList<FuzzField> ReadProperties(JsonElement schema, JsonElement schemas, int depth) =>
        depth < 3 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => ReadField(p.Name, Resolve(p.Value, schemas), schemas, depth)).ToArray()
            : [];

    private static FuzzField ReadField(string name, JsonElement schema, JsonElement schemas, int depth)
    {
        var kind = KindOf(schema);
        FieldKind? itemKind = kind == FieldKind.Array && schema.TryGetProperty("items", out var items) ? KindOf(Resolve(items, schemas)) : null;
        var properties = kind == FieldKind.Object ? ReadProperties(schema, schemas, depth + 1) : [];
        return new FuzzField(name, kind, itemKind, properties);
    }

    private static FieldKind KindOf(JsonElement schema)
    {
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray()
            : [type.GetString()];
        return types.Contains("array") ? FieldKind.Array
            : types.Contains("object") || schema.TryGetProperty("properties", out _) ? FieldKind.Object
            : types.Contains("boolean") ? FieldKind.Boolean
            : types.Contains("number") || types.Contains("integer") ? FieldKind.Number
            : FieldKind.String;
    }

    /// <summary>Follows a $ref, and picks the non-null member of a nullable oneOf/anyOf.</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var hops = 0; hops < 8; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            else if ((schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
                && choices.EnumerateArray().FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")) is { ValueKind: JsonValueKind.Object } choice)
            {
                schema = choice;
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }
}
