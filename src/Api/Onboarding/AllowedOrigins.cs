namespace Reservations.Api.Onboarding;

/// <summary>The allowed-domain entries an app accepts, as POST /admin/apps checks them.</summary>
internal static class AllowedOrigins
{
    public const int MaxEntries = 50;

    /// <summary>The entry trimmed and without a trailing slash, or null if it is neither an origin nor a host name.</summary>
    public static string? Normalise(string? value)
    {
        var trimmed = value?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 253 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var valid = trimmed.Contains("://", StringComparison.Ordinal)
            ? Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query)
            : Uri.CheckHostName(trimmed.Split(':')[0]) != UriHostNameType.Unknown;
        return valid ? trimmed : null;
    }
}
