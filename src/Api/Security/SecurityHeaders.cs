using Microsoft.Extensions.Primitives;
using Reservations.Api.Web;

namespace Reservations.Api.Security;

/// <summary>
/// The security headers of every answer, pages and API alike, set in this one place: no MIME sniffing,
/// no framing by any site (clickjacking), no Referer sent onwards; the engine's pages also get a
/// strict Content-Security-Policy, every other answer one that only forbids framing (the Swagger UI at
/// /docs and the Orleans dashboard run scripts of their own that a strict policy would block).
/// </summary>
internal static class SecurityHeaders
{
    // The pages run no inline script or style and load nothing from elsewhere, so 'self' covers them.
    private static readonly StringValues PagePolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static readonly StringValues OtherPolicy = "frame-ancestors 'none'";
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues NoReferrer = "no-referrer";

    /// <summary>First in the pipeline, so even the answers of middleware that ends a request early carry them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        Apply(context);
        return next(context);
    });

    /// <summary>Sets the headers; the exception handler calls it again, as it clears the response's headers.</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = NoSniff;
        headers.XFrameOptions = Deny;
        headers["Referrer-Policy"] = NoReferrer;
        headers.ContentSecurityPolicy = WebPages.IsPage(context.Request.Path) ? PagePolicy : OtherPolicy;
    }
}
