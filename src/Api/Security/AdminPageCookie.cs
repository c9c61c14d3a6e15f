using System.Net;

namespace Reservations.Api.Security;

/// <summary>
/// The admin token as a cookie, for admin pages a browser opens (the Orleans dashboard) and cannot
/// send a bearer header to. POST /admin/login sets it; the browser sends it only to <see cref="Path"/>,
/// never with a request another site started (SameSite=Strict), never to scripts (HttpOnly), and only
/// over HTTPS (Secure) unless the login itself was to a loopback address. It expires with the token,
/// and only endpoints that require <see cref="AuthRequirement.AdminPage"/> accept it.
/// </summary>
internal static class AdminPageCookie
{
    public const string Name = "reservations_admin";

    /// <summary>The admin pages: the Orleans dashboard.</summary>
    public const string Path = "/admin/orleans";

    public static void Append(HttpContext context, string token, DateTimeOffset expiresAt) =>
        context.Response.Cookies.Append(Name, token, new CookieOptions
        {
            Path = Path,
            // Relative, so a browser whose clock is off keeps it as long as the token lasts.
            MaxAge = expiresAt - context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Behind a TLS-terminating proxy the request is plain HTTP, yet the browser's page is HTTPS.
            Secure = context.Request.IsHttps || !IsLoopback(context.Request.Host.Host),
            IsEssential = true,
        });

    public static string? Read(HttpContext context) => context.Request.Cookies[Name];

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
