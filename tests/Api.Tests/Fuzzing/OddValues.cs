using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>Generators of hostile text: for JSON bodies (as raw JSON literals), paths, queries and headers.</summary>
public static class OddValues
{
    /// <summary>Stands for the bytes C0 AF (an overlong '/', invalid UTF-8), swapped in by <see cref="ToUtf8"/>.</summary>
    public const char Overlong = '\uE000';

    /// <summary>Stands for the byte FF, never valid in UTF-8.</summary>
    public const char InvalidByte = '\uE001';

    private static readonly string[] Texts =
    [
        "\0", "a\0b", "\u202Eevil\u202C", "\u200F\u200E\u200B\u2060", "👩‍👩‍👧‍👦🏳️‍🌈", "\uFEFF", "\uFFFF\uFFFE", "e" + new string('\u0301', 300),
        "аdmin", "../../etc/passwd", "..", ".", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x/a}", "%00%0d%0a", " ", "\t",
        "\\", "\"", "\u0085\u2028\u2029", "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "APP-0000-0000-0000", "APP-ZZZZ-ZZZZ-ZZZZ", "app-abcd-efgh-ijkl", "null", "undefined", "-1", "1e309",
        "NaN", "sk_", "pk_", "a/b", "a?b#c", "%2F%2e%2e", $"x{Overlong}y", $"x{InvalidByte}y", "\r\nX-Injected: 1",
    ];

    /// <summary>JSON string literals a serializer would never write: lone surrogates, escaped NUL, escapes of every kind.</summary>
    private static readonly string[] EscapedLiterals =
    [
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\u0000b\"", "\"\\u202e\"", "\"\\/\\b\\f\\n\\r\\t\"", "\"\\uD83D\"", "\"\\uDE00x\"",
    ];

    public static Gen<string> Text =>
        Gen.Frequency(
            (8, Gen.Elements(Texts)),
            (1, Gen.Choose(1, 70_000).Select(n => new string('x', n))),
            (1, Gen.Choose(1, 50).SelectMany(n => Gen.Elements(Texts).ArrayOf(n)).Select(parts => string.Concat(parts))));

    /// <summary>A JSON string literal holding odd text.</summary>
    public static Gen<string> JsonString => Gen.Frequency((4, Text.Select(Quote)), (1, Gen.Elements(EscapedLiterals)));

    /// <summary>
    /// A path segment, escaped or raw, of odd shape. Never a NUL: the in-memory test host throws on one
    /// before the app sees it, as Kestrel answers it with its own 400.
    /// </summary>
    public static Gen<string> PathSegment =>
        Gen.Frequency(
            (4, Text.Select(t => Uri.EscapeDataString(Sanitize(t).Replace("\0", "", StringComparison.Ordinal)))),
            (2, Gen.Elements("%ED%A0%80", "%C0%AF", "%FF", "%", "%2", "%0D%0A", "..", "%2e%2e", "a%2Fb", "APP-0000-0000-0000", "whk_unknown", "evt_unknown", new string('A', 5000))),
            (1, Gen.Elements("APP-", "").SelectMany(prefix => Gen.Choose(0, int.MaxValue).Select(n => $"{prefix}{n:X8}"))));

    /// <summary>A header value: odd text, CR/LF attempts, or a value far too long.</summary>
    public static Gen<string> HeaderValue =>
        Gen.Frequency(
            (3, Text.Select(Sanitize)),
            (2, Gen.Elements("x\r\nX-Injected: 1", "x\nSet-Cookie: a=b", "x\rx", "\r\n\r\nGET / HTTP/1.1", "x\0y")),
            (1, Gen.Constant(new string('k', 9000))));

    /// <summary>UTF-8 of a JSON text, with the stand-in characters turned into invalid bytes.</summary>
    public static byte[] ToUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (!json.Contains(Overlong, StringComparison.Ordinal) && !json.Contains(InvalidByte, StringComparison.Ordinal))
        {
            return bytes;
        }

        var overlong = Encoding.UTF8.GetBytes(Overlong.ToString());
        var invalid = Encoding.UTF8.GetBytes(InvalidByte.ToString());
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(overlong))
            {
                output.AddRange([0xC0, 0xAF]);
                i += overlong.Length - 1;
            }
            else if (bytes.AsSpan(i).StartsWith(invalid))
            {
                output.Add(0xFF);
                i += invalid.Length - 1;
            }
            else
            {
                output.Add(bytes[i]);
            }
        }

        return [.. output];
    }

    /// <summary>A JSON string literal that keeps every character raw but quotes, backslashes and control characters.</summary>
    public static string Quote(string text)
    {
        var literal = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                < ' ' => literal.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => literal.Append(c),
            };
        }

        return literal.Append('"').ToString();
    }

    /// <summary>Text a .NET string can carry into a URI or a header (the stand-ins become plain characters).</summary>
    private static string Sanitize(string text) => text.Replace(Overlong, '/').Replace(InvalidByte, '?');
}
