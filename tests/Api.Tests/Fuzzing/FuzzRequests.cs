using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>
/// Generates requests for one route. Each request carries one flaw that the route must refuse (bad
/// credentials, a body that cannot bind, a wrong content type, ids that are not the caller's, a method
/// the path lacks), plus noise (odd text in other fields, odd query values, CR/LF in headers). Reads
/// may also go out without a flaw, so only they may succeed.
/// </summary>
public sealed class FuzzRequests(FuzzWorld world)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private readonly FuzzCredentials _credentials = new(world);
    private readonly FuzzBodies _bodies = new(world);

    public Gen<FuzzRequest> For(FuzzRoute route)
    {
        var flaws = new List<(int Weight, Gen<FuzzRequest> Request)>();
        void Add(int weight, string flaw, Gen<Draft> draft) =>
            flaws.Add((weight, draft.Select(d => d.ToRequest(route, flaw, mustBeRefused: !route.IsRead || flaw is "credentials" or "method"))));

        var draft = Valid(route);
        if (route.Auth != FuzzAuth.None)
        {
            Add(6, "credentials", from d in draft from auth in _credentials.Broken(route.Auth) select d with { Auth = auth });
        }

        if (route.Body is { } fields)
        {
            var plausible = _bodies.Plausible(fields);
            Add(3, "malformed", from d in draft from body in FuzzBodies.Malformed(plausible) select d with { Body = body });
            Add(1, "empty", from d in draft from body in Gen.Elements<byte[]?>([], null) select d with { Body = body });
            Add(1, "deep", from d in draft from body in FuzzBodies.Deep select d with { Body = Encoding.UTF8.GetBytes(body) });
            Add(1, "oversize", from d in draft from body in FuzzBodies.Oversize select d with { Body = body });
            Add(2, "content-type", from d in draft from type in WrongContentType select d with { ContentType = type });
            if (fields.Count > 0)
            {
                Add(3, "wrong-type", from d in draft from body in _bodies.WrongType(fields, plausible) select d with { Body = OddValues.ToUtf8(body) });
            }

            if (fields.Any(FuzzBodies.IsIdField))
            {
                Add(4, "foreign-ids", from d in draft from body in _bodies.ForeignIds(fields) select d with { Body = OddValues.ToUtf8(body) });
            }
        }

        if (route.PathParameters.Count > 0)
        {
            // A PUT creates or replaces what its path names: a well-formed id there is a new resource, not a flaw.
            var segments = route.Method == "PUT" ? OddValues.PathSegment.Where(segment => !IsWellFormedId(segment)) : OddValues.PathSegment;
            Add(3, "path-ids", from d in draft from values in segments.ArrayOf(route.PathParameters.Count) select d with { Path = Fill(route, values) });
        }

        var otherMethods = Methods.Except(route.OtherMethods).Where(m => m != "GET").ToArray();
        if (otherMethods.Length > 0)
        {
            Add(1, "method", from d in draft from method in Gen.Elements(otherMethods) select d with { Method = method });
        }

        if (route.IsRead)
        {
            Add(3, "none", draft);
        }

        return Gen.Frequency(flaws.ToArray());
    }

    /// <summary>A request the route would accept, but for the noise.</summary>
    private Gen<Draft> Valid(FuzzRoute route) =>
        from query in Query(route)
        from noise in NoiseHeaders
        from body in route.Body is { } fields ? _bodies.Plausible(fields).Select(json => (byte[]?)OddValues.ToUtf8(json)) : Gen.Constant<byte[]?>(null)
        from type in JsonContentType
        select new Draft(route.Method, Fill(route, route.PathParameters.Select(RealPathValue).ToArray()), query, _credentials.Valid(route.Auth), noise, body, type);

    private string RealPathValue(string name) => name switch
    {
        "appId" => world.AppA,
        _ => $"{name}-fuzz",
    };

    /// <summary>An id the API accepts in a path (Check.Id: letters, digits, '-', '_', '.', ':').</summary>
    private static bool IsWellFormedId(string segment)
    {
        var id = Uri.UnescapeDataString(segment);
        return id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
    }

    private static string Fill(FuzzRoute route, IReadOnlyList<string> values)
    {
        var path = route.Template;
        for (var i = 0; i < route.PathParameters.Count; i++)
        {
            path = path.Replace($"{{{route.PathParameters[i]}}}", values[i], StringComparison.Ordinal);
        }

        return path;
    }

    private Gen<string> Query(FuzzRoute route) =>
        Gen.CollectToList(route.QueryParameters, name => Gen.Frequency(
                (2, Gen.Constant("")),
                (3, Gen.Constant($"{name}={Uri.EscapeDataString(PlausibleQueryValue(name))}")),
                (2, OddQueryValue.Select(v => $"{name}={v}")),
                (1, OddQueryValue.Two().Select(v => $"{name}={v.Item1}&{name}={v.Item2}"))))
            .Select(parts => string.Join('&', parts.Where(p => p.Length > 0)));

    private string PlausibleQueryValue(string name) => name switch
    {
        "appId" => world.AppA,
        "entityId" => world.EntityA,
        "userId" => world.CallerUserId,
        "limit" => "10",
        "from" => world.Now.AddDays(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        "to" => world.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => "fuzz",
    };

    private static Gen<string> OddQueryValue => Gen.OneOf(
        Gen.Elements("-1", "0", "2147483648", "99999999999999999999", "1e3", "abc", "", "2026-13-45", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "%", "%FF", "%00", "a%26b%3Dc"),
        OddValues.Text.Select(t => Uri.EscapeDataString(t.Replace(OddValues.Overlong, '/').Replace(OddValues.InvalidByte, '?'))));

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> NoiseHeaders =>
        from idempotency in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, OddValues.HeaderValue.Select(v => (string?)v)))
        from origin in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("https://evil.example", "null", "https://a.example\r\nX-Injected: 1", "*")))
        from other in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, OddValues.HeaderValue.Select(v => (string?)v)))
        select (IReadOnlyList<KeyValuePair<string, string>>)new[] { ("Idempotency-Key", idempotency), ("Origin", origin), ("X-Forwarded-For", other) }
            .Where(h => h.Item2 is not null).Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2!)).ToArray();

    private static Gen<string?> JsonContentType => Gen.Frequency(
        (12, Gen.Constant<string?>("application/json")),
        (1, Gen.Elements<string?>("application/json; charset=utf-8", "application/json; charset=utf-7", "application/json; charset=bogus", "application/JSON", "application/json\r\nX-Injected: 1", "application/problem+json")));

    private static Gen<string?> WrongContentType => Gen.Elements<string?>(
        null, "", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "json", "*/*");

    private sealed record Draft(
        string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Auth, IReadOnlyList<KeyValuePair<string, string>> Noise, byte[]? Body, string? ContentType)
    {
        public FuzzRequest ToRequest(FuzzRoute route, string flaw, bool mustBeRefused) =>
            new(route, flaw, mustBeRefused, Method, Query.Length == 0 ? Path : $"{Path}?{Query}", [.. Auth, .. Noise], Body, ContentType);
    }
}
