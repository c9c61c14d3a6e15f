using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>
/// The Orleans Dashboard at /admin/orleans answers admins only: a bearer admin token, or the cookie
/// POST /admin/login sets for a browser (scoped to the dashboard, HttpOnly, SameSite=Strict), as the
/// admin dashboard at /admin logs in.
/// </summary>
public sealed class DashboardApiTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Page = "/admin/orleans/";

    [Fact]
    public async Task Dashboard_WithoutAdmin_401()
    {
        await (await fixture.Anonymous().GetAsync(Page)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await fixture.Anonymous().GetAsync(Page + "ClusterStats")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Dashboard_TenantUserToken_403AsBearerAndAsCookie()
    {
        await (await fixture.As(fixture.UserA1).GetAsync(Page)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await WithCookie(fixture.UserA1.Token).GetAsync(Page)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Dashboard_AdminBearer_200()
    {
        using var page = await fixture.Admin().GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        await (await fixture.Admin().GetAsync(Page + "ClusterStats")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_SetsAScopedHttpOnlyStrictCookie_ThatOpensTheDashboardOnly()
    {
        // As a browser: the client keeps the cookie it is given and sends it where its path allows.
        var browser = fixture.Factory.CreateClient();
        using var login = await browser.PostJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password = ApiFixture.AdminPassword });
        await login.ReadJsonAsync(HttpStatusCode.OK);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("reservations_admin=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/admin/orleans", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Page)).StatusCode);
        await (await browser.GetAsync(Page + "ClusterStats")).ReadJsonAsync(HttpStatusCode.OK);
        await (await browser.GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");

        // Sent where the browser would not send it, the cookie still opens nothing but the dashboard.
        var token = cookie["reservations_admin=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        await (await WithCookie(token).GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task OldLoginPage_RedirectsToTheAdminDashboard_WhoseLoginSetsTheCookie()
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var page = await client.GetAsync("/admin/login");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dashboard_GrainState_403EvenForAdmins()
    {
        await (await fixture.Admin().GetAsync(Page + "GrainState?grainId=x&grainType=y")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private HttpClient WithCookie(string token)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"reservations_admin={token}");
        return client;
    }
}

/// <summary>An engine with the Orleans dashboard turned on (it is off by default).</summary>
public sealed class DashboardFixture() : ApiFixture(new SqliteEngineStorage())
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" };
}

/// <summary>By default the dashboard is off: its address says so, to admins only.</summary>
public sealed class DashboardOffApiTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Theory]
    [InlineData("/admin/orleans/")]
    [InlineData("/admin/orleans")]
    [InlineData("/admin/orleans/ClusterStats")]
    public async Task DashboardOff_404ForAdmins_401ForOthers(string path)
    {
        using var answer = await fixture.Admin().GetAsync(path);
        await answer.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Contains("Dashboard:Enabled=true", (await answer.ReadJsonAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await fixture.Anonymous().GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
