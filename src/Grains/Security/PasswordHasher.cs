using System.Globalization;
using System.Security.Cryptography;

namespace Reservations.Grains.Security;

/// <summary>How a password check ended.</summary>
internal enum PasswordCheck
{
    /// <summary>Wrong password, or no usable hash.</summary>
    Wrong,
    /// <summary>Right password.</summary>
    Right,
    /// <summary>Right password, hashed at a lower cost than configured now: store a new hash.</summary>
    RightButWeak,
}

/// <summary>
/// PBKDF2-SHA256 password hashes (I7), stored self-describing as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (base64), so the cost can rise: an older hash still
/// verifies at its own cost and is replaced on the next successful login. Each call costs a fraction
/// of a second of CPU: grains run it off their turn (<see cref="Task.Run(Action)"/>).
/// </summary>
internal static class PasswordHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltSize = 16;
    private const int HashSize = 32;

    public static string Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Checks the password in constant time; a malformed hash matches nothing but still costs the time of a check.</summary>
    public static PasswordCheck Verify(string password, string? stored, int iterations)
    {
        if (!TryParse(stored, out var storedIterations, out var salt, out var expected))
        {
            SpendHashingTime(password, iterations);
            return PasswordCheck.Wrong;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, storedIterations, HashAlgorithmName.SHA256, expected.Length);
        return !CryptographicOperations.FixedTimeEquals(actual, expected) ? PasswordCheck.Wrong
            : storedIterations < iterations ? PasswordCheck.RightButWeak
            : PasswordCheck.Right;
    }

    /// <summary>Costs what a check costs, for unknown accounts, so timing does not tell which exist.</summary>
    public static void SpendHashingTime(string password, int iterations)
    {
        Span<byte> salt = stackalloc byte[SaltSize];
        Span<byte> hash = stackalloc byte[HashSize];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, hash, iterations, HashAlgorithmName.SHA256);
        CryptographicOperations.FixedTimeEquals(hash, salt);
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltSize && hash.Length == HashSize;
    }
}
