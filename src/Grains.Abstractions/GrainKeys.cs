namespace Reservations.Grains;

/// <summary>
/// Grain keys of tenant data start with the app id, so a request authenticated as one app can only
/// ever address that app's grains (I6), whatever ids it guesses.
/// </summary>
public static class GrainKeys
{
    /// <summary>The key of a grain that belongs to <paramref name="appId"/>.</summary>
    public static string Scoped(string appId, string id) => $"{appId}/{id}";
}
