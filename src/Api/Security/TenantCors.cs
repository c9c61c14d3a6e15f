using System.Collections.Immutable;
using Microsoft.Net.Http.Headers;

namespace Reservations.Api.Security;

/// <summary>
/// CORS for tenant routes. A preflight carries no x-app-id (browsers never send custom headers in
/// it), so it is answered for any origin; the real request is then refused with 403
/// origin_not_allowed unless its Origin is among that app's allowed domains, before it changes anything.
/// </summary>
internal static class TenantCors
{
    public static readonly FrozenPaths TenantPaths = new(["/auth/signup", "/auth/login", "/auth/change-password", "/auth/logout-all", "/seats", "/reserve-seat", "/release-seat", "/confirm-booking", "/my-bookings"]);

    public static IApplicationBuilder UseTenantCorsPreflight(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method) && TenantPaths.Contains(request.Path)
            && request.Headers.Origin.Count > 0 && request.Headers.AccessControlRequestMethod.Count > 0)
        {
            var headers = context.Response.Headers;
            headers.AccessControlAllowOrigin = request.Headers.Origin.ToString();
            headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            headers.AccessControlAllowHeaders = "x-app-id, x-api-key, x-channel-key, authorization, content-type, idempotency-key";
            headers.AccessControlMaxAge = "600";
            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return next(context);
    });

    /// <summary>Whether the Origin is the engine's own: its scheme and host as this request reached it.</summary>
    public static bool IsSameOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the Origin header matches an allowed entry: a full origin ("https://shop.example") or a bare host ("shop.example").</summary>
    public static bool IsAllowed(string origin, ImmutableArray<string> allowed)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var normalized = uri.GetLeftPart(UriPartial.Authority);
        foreach (var entry in allowed)
        {
            var candidate = entry.TrimEnd('/');
            if (string.Equals(candidate, normalized, StringComparison.OrdinalIgnoreCase)
                || (!candidate.Contains("://", StringComparison.Ordinal) && string.Equals(candidate, uri.Authority, StringComparison.OrdinalIgnoreCase))
                || (!candidate.Contains("://", StringComparison.Ordinal) && string.Equals(candidate, uri.Host, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    internal sealed class FrozenPaths(IEnumerable<string> paths)
    {
        private readonly HashSet<string> _paths = new(paths, StringComparer.OrdinalIgnoreCase);

        public bool Contains(PathString path) => path.HasValue && _paths.Contains(path.Value!.TrimEnd('/'));
    }
}
