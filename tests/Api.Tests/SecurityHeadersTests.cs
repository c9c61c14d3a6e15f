using System.Net;
using System.Text;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Every answer, page or API, success or refusal, carries the security headers; pages a strict CSP.</summary>
public sealed class SecurityHeadersTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    public static TheoryData<string> Pages => new() { "/", "/admin", "/demo", "/demo.html", "/assets/site.css" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasTheStrictPolicyAndTheHeaders(string path)
    {
        using var response = await fixture.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
        Assert.Contains("default-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiAnswers_OfEveryKind_HaveTheHeaders()
    {
        var seats = await fixture.SeedAsync(fixture.AppA);
        using var malformed = new StringContent("{\"seatId\":", Encoding.UTF8, "application/json");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/reserve-seat");
        preflight.Headers.Add("Origin", "https://a.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var answers = new (HttpResponseMessage Response, HttpStatusCode Status)[]
        {
            (await fixture.Tenant(fixture.AppA).GetAsync($"/seats?entityId={seats.EntityId}"), HttpStatusCode.OK),
            (await fixture.As(fixture.UserA1).PostJsonAsync("/reserve-seat", new { seatId = seats.SeatIds[0] }), HttpStatusCode.Created),
            (await fixture.As(fixture.UserA1).PostAsync("/reserve-seat", malformed), HttpStatusCode.BadRequest),
            (await fixture.Anonymous().GetAsync("/seats?entityId=e"), HttpStatusCode.Unauthorized),
            (await fixture.As(fixture.UserA1).GetAsync("/admin/apps"), HttpStatusCode.Forbidden),
            (await fixture.Anonymous().GetAsync("/no-such-thing"), HttpStatusCode.NotFound),
            (await fixture.Anonymous().SendAsync(preflight), HttpStatusCode.NoContent),
            (await fixture.Anonymous().GetAsync("/openapi/v1.json"), HttpStatusCode.OK),
            (await fixture.Anonymous().GetAsync("/health/live"), HttpStatusCode.OK),
            (await fixture.Admin().GetAsync("/admin/apps"), HttpStatusCode.OK),
        };

        foreach (var (response, status) in answers)
        {
            Assert.True(status == response.StatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
            AssertHeaders(response);
            Assert.DoesNotContain("default-src", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            response.Dispose();
        }
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var where = response.RequestMessage?.RequestUri?.ToString();
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", where);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", where);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", where);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
