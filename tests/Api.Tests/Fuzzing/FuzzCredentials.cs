using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.IdentityModel.Tokens;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>Credentials, good and broken: app ids and keys of other tenants or of the wrong shape, forged, truncated, expired and foreign tokens.</summary>
public sealed class FuzzCredentials(FuzzWorld world)
{
    public IReadOnlyList<KeyValuePair<string, string>> Valid(FuzzAuth auth) => auth switch
    {
        FuzzAuth.Tenant => AppKey(world.AppA, world.KeyA),
        FuzzAuth.TenantUser => [.. AppKey(world.AppA, world.KeyA), Bearer(world.CallerToken)],
        FuzzAuth.Admin => [Bearer(world.AdminToken)],
        // The fuzzer never holds the app's signing secret, so even its "valid" notifications are forged:
        // they reach the signature check with every body the generators make, and must be refused there.
        FuzzAuth.PaymentSignature => Signature(world.AppA, "evt_fuzz", world.Now.ToUnixTimeSeconds(), ForgedSignature),
        _ => [],
    };

    /// <summary>Credentials the route must refuse with 401 or 403.</summary>
    public Gen<IReadOnlyList<KeyValuePair<string, string>>> Broken(FuzzAuth auth) => auth switch
    {
        FuzzAuth.Tenant => BrokenAppKey,
        FuzzAuth.TenantUser => Gen.OneOf(
            BrokenAppKey.Select(keys => (IReadOnlyList<KeyValuePair<string, string>>)[.. keys, Bearer(world.CallerToken)]),
            BrokenUserBearer.Select(bearer => (IReadOnlyList<KeyValuePair<string, string>>)[.. AppKey(world.AppA, world.KeyA), .. bearer])),
        FuzzAuth.Admin => BrokenAdminBearer,
        FuzzAuth.PaymentSignature => BrokenSignature,
        _ => throw new ArgumentOutOfRangeException(nameof(auth), "A route without authentication has no broken credentials."),
    };

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> BrokenAppKey => Gen.OneOf(
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([]),
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([new("x-app-id", world.AppA)]),
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([new("x-api-key", world.KeyA)]),
        Gen.Constant(AppKey(world.AppA, world.KeyB)),
        Gen.Constant(AppKey(world.AppB, world.KeyA)),
        Gen.Constant(AppKey(world.AppA, world.KeyA + "x")),
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([new("x-app-id", world.AppA), new("x-app-id", world.AppB), new("x-api-key", world.KeyA)]),
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([new("x-app-id", $"{world.AppA}\r\nx-api-key: {world.KeyA}")]),
        UnknownAppId.Select(id => AppKey(id, world.KeyA)),
        OddValues.HeaderValue.Select(id => AppKey(id, world.KeyA)),
        OddValues.HeaderValue.Select(key => AppKey(world.AppA, key)),
        Gen.Elements("sk_", "pk_", "").SelectMany(prefix => RandomBytes(32).Select(bytes => AppKey(world.AppA, prefix + Base64UrlEncoder.Encode(bytes)))));

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> BrokenUserBearer => Gen.OneOf(
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([]),
        Gen.Elements(world.OtherAppUserToken, world.AdminToken).Select(OneBearer),
        Forged(world.AppA, world.CallerUserId).Select(OneBearer),
        Expired(world.AppA, world.CallerUserId).Select(OneBearer),
        Reshaped(world.CallerToken).Select(OneBearer),
        WrongScheme(world.CallerToken));

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> BrokenAdminBearer => Gen.OneOf(
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([]),
        Gen.Elements(world.CallerToken, world.OtherAppUserToken).Select(OneBearer),
        Forged("admin", ApiFixture.AdminUsername).Select(OneBearer),
        Expired(world.AppA, ApiFixture.AdminUsername).Select(OneBearer),
        Reshaped(world.AdminToken).Select(OneBearer),
        WrongScheme(world.AdminToken));

    private static readonly string ForgedSignature = "v1," + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> BrokenSignature => Gen.OneOf(
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([]),
        Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([new("x-app-id", world.AppA), new("webhook-id", "evt_fuzz")]),
        Gen.Elements(-301L, 301L, -86_400L, long.MaxValue / 2).Select(offset => Signature(world.AppA, "evt_fuzz", world.Now.ToUnixTimeSeconds() + offset, ForgedSignature)),
        Gen.Elements("", "v1,", "v1,===", "v2,AAAA", "v1," + new string('A', 5000), ForgedSignature + "\r\nX-Injected: 1", "v1 " + ForgedSignature)
            .Select(signature => Signature(world.AppA, "evt_fuzz", world.Now.ToUnixTimeSeconds(), signature)),
        Gen.Elements("-1", "1e9", "", "now", "99999999999999999999", "0x10").Select(timestamp => (IReadOnlyList<KeyValuePair<string, string>>)
            [new("x-app-id", world.AppA), new("webhook-id", "evt_fuzz"), new("webhook-timestamp", timestamp), new("webhook-signature", ForgedSignature)]),
        OddValues.HeaderValue.Select(id => Signature(world.AppA, id, world.Now.ToUnixTimeSeconds(), ForgedSignature)),
        OddValues.HeaderValue.Select(app => Signature(app, "evt_fuzz", world.Now.ToUnixTimeSeconds(), ForgedSignature)),
        UnknownAppId.Select(app => Signature(app, "evt_fuzz", world.Now.ToUnixTimeSeconds(), ForgedSignature)),
        Gen.Constant(AppKey(world.AppA, world.KeyA)));

    private static IReadOnlyList<KeyValuePair<string, string>> Signature(string appId, string id, long timestamp, string signature) =>
    [
        new("x-app-id", appId),
        new("webhook-id", id),
        new("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("webhook-signature", signature),
    ];

    private static Gen<string> UnknownAppId =>
        Gen.Elements("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".ToCharArray()).ArrayOf(12)
            .Select(c => $"APP-{new string(c, 0, 4)}-{new string(c, 4, 4)}-{new string(c, 8, 4)}");

    /// <summary>Signed with a key that is not the engine's.</summary>
    private Gen<string> Forged(string appId, string userId) =>
        RandomBytes(32).Select(key => Tokens.Sign(Convert.ToBase64String(key), appId, userId, world.Now.AddYears(10)));

    private Gen<string> Expired(string appId, string userId) =>
        Gen.Choose(1, 1_000_000).Select(seconds => Tokens.Sign(world.SigningKey, appId, userId, world.Now.AddSeconds(-seconds)));

    /// <summary>A real token cut short, re-headed (alg none, another algorithm), its payload swapped, or padded.</summary>
    private Gen<string> Reshaped(string token)
    {
        var parts = token.Split('.');
        string Header(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var foreignPayload = world.OtherAppUserToken.Split('.')[1];
        return Gen.OneOf(
            Gen.Choose(0, token.Length - 1).Select(n => token[..n]),
            Gen.Elements(
                $"{Header("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.",
                $"{Header("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.{parts[2]}",
                $"{Header("{\"alg\":\"HS512\",\"typ\":\"JWT\"}")}.{parts[1]}.{parts[2]}",
                $"{Header("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")}.{parts[1]}.{parts[2]}",
                $"{parts[0]}.{foreignPayload}.{parts[2]}",
                $"{parts[0]}.{parts[1]}",
                $"{token}.{parts[2]}",
                $"{token}x",
                token + new string('A', 5000),
                "a.b.c",
                "..",
                "eyJ.eyJ.sig"),
            OddValues.HeaderValue);
    }

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> WrongScheme(string token) => Gen.Elements<IReadOnlyList<KeyValuePair<string, string>>>(
        [new("Authorization", token)],
        [new("Authorization", "Bearer")],
        [new("Authorization", "Bearer ")],
        [new("Authorization", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiFixture.AdminUsername}:{ApiFixture.AdminPassword}"))}")],
        [new("Authorization", $"Bearer {token}\r\nX-Injected: 1")],
        [new("Authorization", $"Bearer {token[..^1]}"), new("Authorization", "Bearer x")]);

    private static Gen<byte[]> RandomBytes(int count) => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(count);

    private static KeyValuePair<string, string> Bearer(string token) => new("Authorization", $"Bearer {token}");

    private static IReadOnlyList<KeyValuePair<string, string>> OneBearer(string token) => [Bearer(token)];

    private static IReadOnlyList<KeyValuePair<string, string>> AppKey(string appId, string key) => [new("x-app-id", appId), new("x-api-key", key)];
}
