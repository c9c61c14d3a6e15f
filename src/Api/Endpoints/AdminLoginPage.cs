namespace Reservations.Api.Endpoints;

/// <summary>
/// GET /admin/login: a form for a browser. It posts to POST /admin/login, whose answer sets the
/// dashboard cookie, and then opens the dashboard. The page holds nothing secret.
/// </summary>
internal static class AdminLoginPage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Reservations admin</title>
        </head>
        <body style="font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto">
          <h1>Reservations admin</h1>
          <form id="login">
            <p><label>Username<br><input name="username" autocomplete="username" required></label></p>
            <p><label>Password<br><input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button>Log in and open the Orleans dashboard</button></p>
            <p id="error" role="alert"></p>
          </form>
          <script>
            document.getElementById('login').addEventListener('submit', async event => {
              event.preventDefault();
              const form = new FormData(event.target);
              const response = await fetch('/admin/login', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
              });
              if (response.ok) {
                location.href = '/admin/orleans/';
                return;
              }
              const problem = await response.json().catch(() => ({}));
              document.getElementById('error').textContent = problem.detail ?? `Login failed (${response.status}).`;
            });
          </script>
        </body>
        </html>
        """;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/login", Serve).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context)
    {
        // A login form must not be framed by another site (clickjacking).
        context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        return TypedResults.Content(Html, "text/html; charset=utf-8");
    }
}
