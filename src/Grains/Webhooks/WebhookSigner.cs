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
/// </summary>
public sealed class WebhookSigner(WebhookSigningKey key)
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The secret of an endpoint at a version.</summary>
    public string SecretOf(string appId, string endpointId, int version) =>
        SecretPrefix + Convert.ToBase64String(HMACSHA256.HashData(key.Key, Encoding.UTF8.GetBytes($"{appId}\n{endpointId}\n{version}")));

    /// <summary>The <c>webhook-signature</c> header's value for a delivery.</summary>
    public static string Sign(string secret, string eventId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var secretBytes = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(secretBytes, Encoding.UTF8.GetBytes($"{eventId}.{timestamp}.{body}")));
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
