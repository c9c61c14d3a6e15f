using System.Security.Cryptography;
using System.Text;

namespace Reservations.Grains;

/// <summary>The one way secrets are made, hashed and compared (I7).</summary>
public static class Secrets
{
    /// <summary>A new random secret of <paramref name="bytes"/> bytes (16 = 128 bits at least), base64url without padding.</summary>
    public static string NewToken(int bytes = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Base64Url(buffer);
    }

    /// <summary>SHA-256 of a high-entropy secret (API keys, tokens). Passwords use <c>PasswordHasher</c> instead.</summary>
    public static byte[] Sha256(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="expectedHash"/>, in constant time.</summary>
    public static bool Matches(string secret, ReadOnlySpan<byte> expectedHash)
    {
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        Sha256(secret, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expectedHash);
    }

    /// <summary>SHA-256 of <paramref name="secret"/> into <paramref name="hash"/> (32 bytes), without allocating: to compare one secret with several hashes.</summary>
    public static void Sha256(string secret, Span<byte> hash)
    {
        var byteCount = Encoding.UTF8.GetByteCount(secret);
        var utf8 = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(secret, utf8);
        SHA256.HashData(utf8, hash);
    }

    /// <summary>Base64url (RFC 4648 §5) without padding.</summary>
    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
