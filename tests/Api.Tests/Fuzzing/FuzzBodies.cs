using FsCheck;
using FsCheck.Fluent;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>
/// Request bodies as raw JSON text: plausible ones (real ids, odd text in some fields), and ones that
/// cannot bind: malformed, a field of the wrong type, nested too deep, beyond the size limits.
/// </summary>
public sealed class FuzzBodies(FuzzWorld world)
{
    /// <summary>Bodies whose id fields name something the caller may not touch.</summary>
    public static readonly string[] IdFields = ["seatId", "seatIds", "reservationToken", "appId"];

    // Shared, so oversized bodies cost one allocation per run: past the 64 KiB limit, and past seeding's 16 MiB.
    private static readonly byte[] Big = Oversized(256 * 1024);
    private static readonly byte[] Huge = Oversized((16 * 1024 * 1024) + 1024);

    public Gen<string> Plausible(IReadOnlyList<FuzzField> fields) =>
        Gen.CollectToList(fields, field => Gen.Frequency(
                (6, PlausibleValue(field).Select(v => $"{OddValues.Quote(field.Name)}:{v}")),
                (2, (field.Kind == FieldKind.String ? OddValues.JsonString : PlausibleValue(field)).Select(v => $"{OddValues.Quote(field.Name)}:{v}")),
                (1, Gen.Constant($"{OddValues.Quote(field.Name)}:null")),
                (1, Gen.Constant(""))))
            .SelectMany(members => Gen.Frequency(
                (5, Gen.Constant("")),
                (1, OddValues.JsonString.Select(v => $"\"zz\":{v}")),
                (1, Gen.Elements(fields.Select(f => f.Name).DefaultIfEmpty("x")).Select(name => $"{OddValues.Quote(name)}:\"again\""))),
                (members, extra) => "{" + string.Join(',', members.Append(extra).Where(m => m.Length > 0)) + "}");

    /// <summary>
    /// Not JSON, or not an object. Invalid UTF-8 sits where it breaks the document: System.Text.Json does
    /// not check the bytes of a member it skips, so inside an unknown member it would be accepted.
    /// </summary>
    public static Gen<byte[]> Malformed(Gen<string> plausible) => Gen.OneOf(
        plausible.SelectMany(json => Gen.Choose(1, json.Length - 1).Select(n => OddValues.ToUtf8(json[..n]))),
        Gen.Elements(
            "{", "}", "[", "{'a':1}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1}{}", "{\"a\":1} x", "\uFEFF\uFEFF{}", "nul", "{\"a\":tru}",
            "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}", "{/*c*/}", "{\"a\":\"\u0001\"}", $"{{\"a\":1{OddValues.InvalidByte}}}",
            $"{{{OddValues.Overlong}\"a\":1}}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"x}", "null", "[]", "1", "\"x\"", "true", "[{}]",
            "\0", " ", "\r\n")
            .Select(OddValues.ToUtf8));

    /// <summary>One field given a value no binder accepts for its kind, or an array of items of the wrong kind.</summary>
    public Gen<string> WrongType(IReadOnlyList<FuzzField> fields, Gen<string> plausible) =>
        from field in Gen.Elements(fields.ToArray())
        from value in field.Kind == FieldKind.Array && field.ItemKind is { } items
            ? Gen.OneOf(WrongValue(field.Kind), WrongValue(items).Select(v => $"[{v}]"))
            : WrongValue(field.Kind)
        from rest in plausible
        select Join($"{OddValues.Quote(field.Name)}:{value}", rest);

    public static Gen<string> Deep =>
        from depth in Gen.Choose(65, 20_000)
        from shape in Gen.Elements("[", "{\"a\":")
        select string.Concat(Enumerable.Repeat(shape, depth)) + (shape == "[" ? new string(']', depth) : "1" + new string('}', depth));

    /// <summary>Beyond every body limit, and unterminated besides, so no route can accept it.</summary>
    public static Gen<byte[]> Oversize => Gen.Frequency((6, Gen.Constant(Big)), (1, Gen.Constant(Huge)));

    /// <summary>Every id field replaced: another app's seat, another user's hold, an unknown or odd id.</summary>
    public Gen<string> ForeignIds(IReadOnlyList<FuzzField> fields) =>
        from values in Gen.CollectToList(fields.Where(IsIdField), field => ForeignId(field).Select(v => $"{OddValues.Quote(field.Name)}:{v}"))
        from rest in Plausible(fields.Where(f => !IsIdField(f)).ToArray())
        select Join(string.Join(',', values), rest);

    public static bool IsIdField(FuzzField field) => IdFields.Contains(field.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Members first, then the rest of a plausible object: the binder meets the members first.</summary>
    private static string Join(string members, string plausibleObject) =>
        plausibleObject.Length > 2 ? $"{{{members},{plausibleObject[1..]}" : $"{{{members}}}";

    private Gen<string> ForeignId(FuzzField field) => field.Name.ToLowerInvariant() switch
    {
        "seatid" => ForeignSeat,
        "seatids" => Gen.Choose(1, 5).SelectMany(n => ForeignSeat.ArrayOf(n)).Select(ids => $"[{string.Join(',', ids)}]"),
        "reservationtoken" => Gen.OneOf(
            Gen.Elements(world.HoldTokenA1, world.HoldTokenB1, "", "0", world.HoldTokenA1.ToUpperInvariant(), world.HoldTokenA1 + "0", world.CallerToken).Select(OddValues.Quote),
            OddValues.JsonString),
        _ => Gen.OneOf(Gen.Elements("APP-0000-0000-0000", "APP-ZZZZ-ZZZZ-ZZZ1", world.AppA.ToLowerInvariant(), $" {world.AppB}").Select(OddValues.Quote), OddValues.JsonString),
    };

    private Gen<string> ForeignSeat => Gen.OneOf(
        Gen.Elements(world.HeldSeatA, world.BookedSeatA, world.HeldSeatB, world.FreeSeatA + "x", world.FreeSeatA.ToUpperInvariant() + "!", "seat-unknown").Select(OddValues.Quote),
        OddValues.JsonString);

    private Gen<string> PlausibleValue(FuzzField field) => field.Kind switch
    {
        FieldKind.String => Gen.Constant(OddValues.Quote(PlausibleText(field.Name))),
        FieldKind.Number => Gen.Elements("1", "10", "0", "12.5"),
        FieldKind.Boolean => Gen.Elements("true", "false"),
        FieldKind.Array when field.Name.Equals("seatIds", StringComparison.OrdinalIgnoreCase) => Gen.Constant($"[{OddValues.Quote(world.FreeSeatA)}]"),
        FieldKind.Array when field.ItemKind == FieldKind.Object => Gen.Constant("[{\"seatNumber\":\"Z1\",\"price\":10}]"),
        FieldKind.Array => Gen.Elements(field.Name).Select(name => $"[{OddValues.Quote(PlausibleText(name))}]"),
        _ => field.Properties.Count == 0 ? Gen.Constant("{}") : Plausible(field.Properties),
    };

    private string PlausibleText(string name) => name.ToLowerInvariant() switch
    {
        "email" => "fuzz@example.com",
        "password" => "fuzz-password-1",
        "username" => "operator",
        "seatid" => world.FreeSeatA,
        "reservationtoken" => world.HoldTokenA1,
        "appid" => world.AppA,
        "entityid" => world.EntityA,
        "domain" => "EVENT",
        "alloweddomains" => "https://fuzz.example",
        "url" => "https://hooks.example/fuzz",
        "events" => "booking.confirmed",
        "paymentid" => "pay_fuzz",
        _ => "Fuzz",
    };

    private static Gen<string> WrongValue(FieldKind kind) => Gen.OneOf(
        kind switch
        {
            FieldKind.String => Gen.Elements("123", "true", "{}", "[]", "1.5e308", "[\"a\"]", "{\"a\":\"b\"}"),
            FieldKind.Number => Gen.Elements("\"abc\"", "true", "{}", "[]", "\"1e999\"", "1e999", "\"\""),
            FieldKind.Boolean => Gen.Elements("\"yes\"", "1", "{}", "[]", "\"true\""),
            FieldKind.Array => Gen.Elements("\"x\"", "1", "{}", "true"),
            _ => Gen.Elements("\"x\"", "1", "[]", "true"),
        },
        Deep);

    private static byte[] Oversized(int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'a');
        "{\"x\":\""u8.CopyTo(bytes);
        return bytes;
    }
}
