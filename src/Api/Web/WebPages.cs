namespace Reservations.Api.Web;

/// <summary>
/// The engine's own pages: a landing page at /, the admin dashboard at /admin, the reference booking
/// frontend at /demo. They are static files under wwwroot (plain ES modules and one stylesheet, no
/// build); /admin and /demo are rewritten to their HTML file before routing, so the API's /admin/...
/// routes stay JSON and the pages navigate by hash (/admin#apps).
/// </summary>
public static class WebPages
{
    private const string AssetsPath = "/assets";

    private static readonly Dictionary<string, string> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = "/index.html",
        ["/admin"] = "/admin.html",
        ["/admin/"] = "/admin.html",
        ["/demo"] = "/demo.html",
        ["/demo/"] = "/demo.html",
        ["/start"] = "/start.html",
        ["/onboarding"] = "/onboarding.html",
    };

    /// <summary>
    /// Built but not published (dotnet run, the build output, tests), the files come from the project's
    /// wwwroot through the static web assets manifest, whatever the environment (Development alone would
    /// do this by itself). Published, they sit in wwwroot beside the app and there is no manifest, so this does nothing.
    /// </summary>
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Before routing: maps page paths to their file (their security headers: <see cref="Security.SecurityHeaders"/>).</summary>
    public static WebApplication UseWebPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                return next(context);
            }

            if (request.Path.HasValue && Pages.TryGetValue(request.Path.Value, out var file))
            {
                request.Path = file;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The files under wwwroot, and GET /admin/login (the dashboard's old login form) sending browsers to /admin.</summary>
    public static WebApplication MapWebPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets().ExcludeFromDescription();
        app.MapGet("/admin/login", () => TypedResults.Redirect("/admin")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether a path, as requested, is one of the pages, their HTML files or their assets.</summary>
    public static bool IsPage(PathString path) =>
        path.HasValue && (Pages.ContainsKey(path.Value) || Pages.ContainsValue(path.Value) || path.StartsWithSegments(AssetsPath));
}
