using System.Security.Cryptography;
using System.Text;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// Endpoint secrets and delivery signatures, as the Standard Webhooks specification has them
/// (https://www.standardwebhooks.com): the secret is <c>whsec_</c> + base64 of 32 bytes; a delivery
/// carries <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>
/// = <c>v1,</c> + base64 of HMAC-SHA256(secret bytes, "{id}.{timestamp}.{body}").
/// <para>
/// Secrets are not stored: each is derived from the engine's webhook key, the app, the endpoint and
/// the secret's version, so rotating is counting up and nothing secret sits in storage (I7).
/// </para>
/// <para>
/// The same scheme signs the other way too: an app's server signs its payment notifications to the
/// engine with the app's payment signing secret (<see cref="PaymentSecretOf"/>), checked by <see cref="Verify"/>.
/// </para>
/// </summary>
public sealed class WebhookSigner(WebhookSigningKey key)
{
    public const string SecretPrefix = "whsec_";

    private const string PaymentNotifications = "payment-notifications";

    /// <summary>The secret of an endpoint at a version.</summary>
    public string SecretOf(string appId, string endpointId, int version) =>
        SecretPrefix + Convert.ToBase64String(HMACSHA256.HashData(key.Key, Encoding.UTF8.GetBytes($"{appId}\n{endpointId}\n{version}")));

    /// <summary>
    /// An app's payment signing secret at a version. Derived as an endpoint's is, under a name no
    /// endpoint id can take (those start with <c>we_</c>).
    /// </summary>
    public string PaymentSecretOf(string appId, int version) => SecretOf(appId, PaymentNotifications, version);

    /// <summary>The <c>webhook-signature</c> header's value for a delivery.</summary>
    public static string Sign(string secret, string eventId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "v1," + Convert.ToBase64String(Mac(secret, eventId, timestamp, body));
    }

    /// <summary>
    /// Whether a <c>webhook-signature</c> header (one or more space-separated <c>v1,</c> signatures, as
    /// a sender rotating its secret may send) holds this message's signature; compared in constant time.
    /// </summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Mac(secret, id, timestamp, body);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var valid = false;
        foreach (var part in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            valid |= part.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(part[3..], given, out var written)
                && written == given.Length
                && CryptographicOperations.FixedTimeEquals(given, expected);
        }

        return valid;
    }

    private static byte[] Mac(string secret, string id, long timestamp, string body)
    {
        var secretBytes = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        return HMACSHA256.HashData(secretBytes, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
    }
}

/// <summary>The engine's webhook key (at least 32 bytes), from which every endpoint's secret is derived.</summary>
public sealed class WebhookSigningKey
{
    public WebhookSigningKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key.Length >= 32 ? key : throw new ArgumentException("The webhook key must be at least 32 bytes.", nameof(key));
    }

    public byte[] Key { get; }
}
