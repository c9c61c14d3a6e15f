using System.Security.Cryptography;

namespace Reservations.Silo.Storage;

/// <summary>A random key kept in a file only its owner can read, created on first use.</summary>
public static class KeyFile
{
    /// <summary>The key in <paramref name="path"/>; a new 64-byte key when the file is missing (then <paramref name="created"/> runs).</summary>
    public static byte[] LoadOrCreate(string path, Action created)
    {
        ArgumentNullException.ThrowIfNull(created);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
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

                created();
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
