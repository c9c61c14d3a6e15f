using System.Security.Cryptography;
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

        var directory = storage.Sqlite.DataDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var writer = new StreamWriter(path, options))
                {
                    writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
                }

                ApiLog.SigningKeyCreated(logger, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length >= 32 ? key : throw new InvalidOperationException($"{path} holds a key shorter than 32 bytes.");
    }
}
