using Reservations.Api.Hosting;
using Reservations.Silo.Storage;

namespace Reservations.Api.Security;

/// <summary>The JWT signing key: from configuration, or a random key kept in the data directory (owner-only).</summary>
internal static class SigningKeyStore
{
    public const string FileName = "jwt-signing.key";

    public static byte[] Load(JwtOptions jwt, StorageOptions storage, ILogger logger)
    {
        if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            return Convert.FromBase64String(jwt.SigningKey);
        }

        var path = Path.Combine(storage.Sqlite.DataDirectory, FileName);
        return KeyFile.LoadOrCreate(path, () => ApiLog.SigningKeyCreated(logger, path));
    }
}
