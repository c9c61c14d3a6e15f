using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>
/// The pages the engine serves (/, /admin, /demo and their assets) under a strict Content-Security-Policy,
/// beside API routes under /admin that stay JSON; the demo's own origin passes the tenant origin check.
/// </summary>
public sealed class WebPagesTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Theory]
    [InlineData("/", "Reservations")]
    [InlineData("/admin", "Reservations admin")]
    [InlineData("/demo", "Book a seat")]
    [InlineData("/start", "Sell your seats online")]
    [InlineData("/onboarding", "Set up your app")]
    public async Task Page_ServedAsHtml_WithStrictSecurityHeaders(string path, string title)
    {
        using var page = await fixture.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<title>{title}", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(page);
    }

    [Theory]
    [InlineData("/assets/site.css", "text/css")]
    [InlineData("/assets/js/demo/main.js", "text/javascript")]
    [InlineData("/assets/js/admin/main.js", "text/javascript")]
    [InlineData("/assets/js/onboarding/main.js", "text/javascript")]
    [InlineData("/assets/js/start/main.js", "text/javascript")]
    public async Task Asset_Served_WithSecurityHeaders(string path, string mediaType)
    {
        using var asset = await fixture.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(mediaType, asset.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(asset);
    }

    [Fact]
    public async Task Pages_HoldNoInlineScriptOrStyle()
    {
        foreach (var path in new[] { "/", "/admin", "/demo", "/start", "/onboarding" })
        {
            var html = await fixture.Anonymous().GetStringAsync(path);
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick=", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AdminApiRoutes_StayJson()
    {
        await (await fixture.Anonymous().GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin().GetAsync("/admin/apps")).StatusCode);
    }

    [Fact]
    public async Task TenantRequest_FromTheEnginesOwnOrigin_PassesTheOriginCheck()
    {
        var (entityId, seatIds) = await fixture.SeedAsync(fixture.AppA);
        var own = fixture.As(fixture.UserA1);
        own.DefaultRequestHeaders.Add("Origin", own.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var hold = await own.PostAsJsonAsync("/reserve-seat", new { seatId = seatIds[0] });
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);

        var other = fixture.As(fixture.UserA1);
        other.DefaultRequestHeaders.Add("Origin", "https://elsewhere.example");
        await (await other.GetAsync($"/seats?entityId={entityId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
