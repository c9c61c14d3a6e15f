using System.Net;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>ASP.NET Core's authentication schemes and policies, as a caller and the OpenAPI document see them.</summary>
public sealed class AuthenticationApiTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task OpenApi_DeclaresTheSchemes()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("apiKey", schemes.GetProperty("AppId").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("AppId").GetProperty("in").GetString());
        Assert.Equal("x-app-id", schemes.GetProperty("AppId").GetProperty("name").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("x-api-key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("JWT", schemes.GetProperty("Bearer").GetProperty("bearerFormat").GetString());
    }

    [Theory]
    [InlineData("/seats", "get", "ApiKey,AppId")]
    [InlineData("/auth/signup", "post", "ApiKey,AppId")]
    [InlineData("/reserve-seat", "post", "ApiKey,AppId,Bearer")]
    [InlineData("/confirm-booking", "post", "ApiKey,AppId,Bearer")]
    [InlineData("/my-bookings", "get", "ApiKey,AppId,Bearer")]
    [InlineData("/admin/apps", "post", "Bearer")]
    [InlineData("/admin/seed-data", "post", "Bearer")]
    [InlineData("/admin/login", "post", "")]
    public async Task OpenApi_EachOperation_RequiresItsGroupsSchemes(string path, string method, string expected)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var required = operation.TryGetProperty("security", out var security)
            ? string.Join(',', security.EnumerateArray().Single().EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
            : "";
        Assert.Equal(expected, required);
    }

    [Fact]
    public async Task WrongAppKeyAndWrongToken_TheAppKeyIsRefusedFirst()
    {
        await (await fixture.Tenant(fixture.AppA with { ApiKey = "sk_live_wrong" }, "not.a.jwt").GetAsync("/my-bookings"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
    }

    [Fact]
    public async Task UserTokenOfTheApp_WithAnotherAppsKey_IsRefused()
    {
        await (await fixture.Tenant(fixture.AppB, fixture.UserA1.Token).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task AdminToken_OnTenantUserRoute_401_UserToken_OnAdminRoute_403()
    {
        await (await fixture.Tenant(fixture.AppA, fixture.AdminToken).PostJsonAsync("/reserve-seat", new { seatId = "x" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await fixture.As(fixture.UserA1).PostJsonAsync("/admin/apps", new { name = "n", domain = "EVENT" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<JsonElement> DocumentAsync() =>
        await (await fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
}
