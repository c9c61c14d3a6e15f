using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Reservations.Api.Security;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// Two API processes in gateway mode in front of one src/Silo process on Redis and PostgreSQL: they
/// hold nothing of their own, accept each other's tokens, and a change to an app made through one
/// takes effect on the other within the tenant cache's time to live; the live seat map reaches a gateway's
/// clients through its grain observer, whichever gateway the change came through.
/// </summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private readonly SiloProcesses _silos = new();
    private PostgresDatabase _database = null!;
    private GatewayFactory _a = null!;
    private GatewayFactory _b = null!;
    private string _adminToken = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        var cluster = new Dictionary<string, string>(_silos.RedisAndPostgres(_database.ConnectionString))
        {
            ["Orleans__ClusterId"] = _silos.ClusterId,
            ["Jwt__SigningKey"] = ApiFixture.SigningKey,
            ["Admin__Username"] = ApiFixture.AdminUsername,
            ["Admin__Password"] = ApiFixture.AdminPassword,
        };
        await _silos.StartAsync(cluster);
        (_a, _b) = (new GatewayFactory(cluster), new GatewayFactory(cluster));
        foreach (var gateway in new[] { _a, _b })
        {
            using var health = await gateway.CreateClient().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var login = await _a.CreateClient().PostAsJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password = ApiFixture.AdminPassword });
        _adminToken = (await login.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _silos.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task HoldThroughOneGateway_ConfirmsThroughTheOther_Once()
    {
        var app = await CreateAppAsync(_a, []);
        var seat = await SeedSeatAsync(_b, app);
        using var signup = await Tenant(_b, app).PostAsJsonAsync("/auth/signup", new { email = "gw@example.com", password = ApiFixture.UserPassword, name = "Gateway User" });
        var token = (await signup.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("token").GetString()!;

        using var hold = await Tenant(_a, app, token).PostAsJsonAsync("/reserve-seat", new { seatId = seat });
        var reservation = (await hold.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString();
        var pay = new { reservationToken = reservation, paymentId = "pay-gw" };
        var first = await (await Tenant(_b, app, token).PostAsJsonAsync("/confirm-booking", pay)).ReadJsonAsync(HttpStatusCode.Created);
        var again = await (await Tenant(_a, app, token).PostAsJsonAsync("/confirm-booking", pay)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("bookingId").GetString(), again.GetProperty("bookingId").GetString());
    }

    [Fact]
    public async Task SeatsLive_WatchedThroughOneGateway_SeesAHoldMadeThroughTheOther()
    {
        var app = await CreateAppAsync(_a, []);
        var seat = await SeedSeatAsync(_a, app);
        await using var map = await LiveSeatMap.ConnectAsync(Tenant(_b, app), "gw-event");
        Assert.Equal("available", map.Seats[seat].Status);
        using var signup = await Tenant(_a, app).PostAsJsonAsync("/auth/signup", new { email = "live@example.com", password = ApiFixture.UserPassword, name = "Live User" });
        var token = (await signup.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("token").GetString()!;

        using var hold = await Tenant(_a, app, token).PostAsJsonAsync("/reserve-seat", new { seatId = seat });
        var expiresAt = (await hold.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("expiresAt").GetDateTimeOffset();

        var held = await map.UntilAsync(seat, "held");
        Assert.Equal(expiresAt, LiveSeatMap.HeldUntil(held));
    }

    [Fact]
    public async Task RotatedKey_RefusedOnTheOtherGateway_WithinTheCacheTimeToLive()
    {
        var app = await CreateAppAsync(_a, []);
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app).GetAsync("/seats?entityId=none")).StatusCode);

        using var rotated = await Admin(_a).PostAsync($"/admin/apps/{app.AppId}/rotate-key", null);
        var newKey = (await rotated.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("apiKey").GetString()!;

        await (await Tenant(_a, app).GetAsync("/seats?entityId=none")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app).GetAsync("/seats?entityId=none")).StatusCode);
        _b.CacheClock.Advance(TenantAuthCache.TimeToLive);
        await (await Tenant(_b, app).GetAsync("/seats?entityId=none")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app with { ApiKey = newKey }).GetAsync("/seats?entityId=none")).StatusCode);
    }

    [Fact]
    public async Task DisabledAppAndNarrowedDomains_TakeEffectOnTheOtherGateway_WithinTheCacheTimeToLive()
    {
        var app = await CreateAppAsync(_a, ["https://shop.example", "https://old.example"]);
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app, origin: "https://old.example").GetAsync("/seats?entityId=none")).StatusCode);

        using var narrowed = await Admin(_a).PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { allowedDomains = new[] { "https://shop.example" } });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app, origin: "https://old.example").GetAsync("/seats?entityId=none")).StatusCode);
        _b.CacheClock.Advance(TenantAuthCache.TimeToLive);
        await (await Tenant(_b, app, origin: "https://old.example").GetAsync("/seats?entityId=none")).AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");

        using var disabled = await Admin(_a).PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app).GetAsync("/seats?entityId=none")).StatusCode);
        _b.CacheClock.Advance(TenantAuthCache.TimeToLive);
        await (await Tenant(_b, app).GetAsync("/seats?entityId=none")).AssertProblemAsync(HttpStatusCode.Forbidden, "app_disabled");
    }

    [Fact]
    public async Task LogOutAll_OldTokenRefusedAtOnceHere_AndOnTheOtherGatewayWithinTheSessionCacheTimeToLive()
    {
        var app = await CreateAppAsync(_a, []);
        using var signup = await Tenant(_a, app).PostAsJsonAsync("/auth/signup", new { email = "revoked@example.com", password = ApiFixture.UserPassword, name = "Revoked" });
        var token = (await signup.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app, token).GetAsync("/my-bookings")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Tenant(_a, app, token).PostAsync("/auth/logout-all", null)).StatusCode);

        await (await Tenant(_a, app, token).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await Tenant(_b, app, token).GetAsync("/my-bookings")).StatusCode);
        _b.CacheClock.Advance(SessionVersions.TimeToLive);
        await (await Tenant(_b, app, token).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    private HttpClient Admin(GatewayFactory gateway)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    private static HttpClient Tenant(GatewayFactory gateway, TestApp app, string? bearer = null, string? origin = null)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("x-app-id", app.AppId);
        client.DefaultRequestHeaders.Add("x-api-key", app.ApiKey);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (origin is not null)
        {
            client.DefaultRequestHeaders.Add("Origin", origin);
        }

        return client;
    }

    private async Task<TestApp> CreateAppAsync(GatewayFactory gateway, string[] allowedDomains)
    {
        using var response = await Admin(gateway).PostAsJsonAsync("/admin/apps", new { name = "Gateway shop", domain = "EVENT", allowedDomains });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new TestApp(body.GetProperty("appId").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    private async Task<string> SeedSeatAsync(GatewayFactory gateway, TestApp app)
    {
        using var response = await Admin(gateway).PostAsJsonAsync("/admin/seed-data", new { appId = app.AppId, entityId = "gw-event", seats = new[] { new { seatNumber = "1", price = 10m } } });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("seats")[0].GetProperty("seatId").GetString()!;
    }
}
