namespace Reservations.Grains;

/// <summary>
/// Grain keys of tenant data start with the app id, so a request authenticated as one app can only
/// ever address that app's grains (I6), whatever ids it guesses.
/// </summary>
public static class GrainKeys
{
    /// <summary>The key of a grain that belongs to <paramref name="appId"/>.</summary>
    public static string Scoped(string appId, string id) => $"{appId}/{id}";

    /// <summary>The app id a scoped key starts with.</summary>
    public static string AppOf(string scopedKey)
    {
        ArgumentNullException.ThrowIfNull(scopedKey);
        var slash = scopedKey.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? scopedKey[..slash] : throw new ArgumentException($"{scopedKey} is not an app-scoped key.", nameof(scopedKey));
    }

    /// <summary>What follows the app id in a scoped key.</summary>
    public static string IdOf(string scopedKey)
    {
        ArgumentNullException.ThrowIfNull(scopedKey);
        return scopedKey[(AppOf(scopedKey).Length + 1)..];
    }
}
