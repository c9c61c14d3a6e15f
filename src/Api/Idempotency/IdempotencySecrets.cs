using System.Security.Cryptography;
using System.Text;
using Reservations.Api.Security;

namespace Reservations.Api.Idempotency;

/// <summary>
/// Derives, from the server's secret, a caller's scope and its Idempotency-Key, everything idempotency
/// stores: the grain's id, the request's fingerprint and the key that seals the stored answer. Without
/// the server's secret the store reveals neither the keys, nor what a request said (a signup's
/// password), nor what its answer carried (tokens, an app's key).
/// </summary>
internal sealed class IdempotencySecrets(TokenService tokens)
{
    private readonly byte[] _root = HMACSHA256.HashData(tokens.SigningKey, "reservations/idempotency/v1"u8);

    public IdempotencyKeyMaterial Derive(string scope, string key) =>
        new(HMACSHA256.HashData(_root, Encoding.UTF8.GetBytes(scope + "\n" + key)));
}

/// <summary>What one caller's Idempotency-Key derives to.</summary>
internal sealed class IdempotencyKeyMaterial(byte[] material)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Names the key's grain within the caller's app.</summary>
    public string Id => Convert.ToHexString(HMACSHA256.HashData(material, "id"u8));

    /// <summary>The request as the key saw it: method, path and query, and body.</summary>
    public string Fingerprint(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, material);
        hash.AppendData(Encoding.UTF8.GetBytes(method + " " + pathAndQuery + "\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The answer's body encrypted and authenticated: nonce, tag, ciphertext.</summary>
    public byte[] Seal(ReadOnlySpan<byte> body)
    {
        var sealedBody = new byte[NonceBytes + TagBytes + body.Length];
        var nonce = sealedBody.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(SealingKey(), TagBytes);
        aes.Encrypt(nonce, body, sealedBody.AsSpan(NonceBytes + TagBytes), sealedBody.AsSpan(NonceBytes, TagBytes));
        return sealedBody;
    }

    public byte[] Open(byte[] sealedBody)
    {
        var body = new byte[sealedBody.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(SealingKey(), TagBytes);
        aes.Decrypt(sealedBody.AsSpan(0, NonceBytes), sealedBody.AsSpan(NonceBytes + TagBytes), sealedBody.AsSpan(NonceBytes, TagBytes), body);
        return body;
    }

    private byte[] SealingKey() => HMACSHA256.HashData(material, "seal"u8);
}
