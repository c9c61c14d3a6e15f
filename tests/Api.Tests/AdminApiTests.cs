using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>The admin API, run against every storage provider.</summary>
public abstract class AdminApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Login_WrongPasswordOrUser_Returns401InvalidCredentials()
    {
        await (await Fixture.Anonymous().PostAsJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password = "wrong-password" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await Fixture.Anonymous().PostAsJsonAsync("/admin/login", new { username = "admin", password = ApiFixture.AdminPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await Fixture.Anonymous().PostAsJsonAsync("/admin/login", new { username = "", password = "" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AdminRoutes_WithoutAdminToken_AreRefused()
    {
        await (await Fixture.Anonymous().GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Fixture.As(Fixture.UserA1).GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var forged = Fixture.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Sign(Convert.ToBase64String(new byte[32]), "x", "operator", Fixture.Time.GetUtcNow().AddHours(1)));
        await (await forged.GetAsync("/admin/usage")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Apps_CreateGetListPatch_RoundTrip()
    {
        var created = await (await Fixture.Admin().PostAsJsonAsync("/admin/apps", new { name = "Cinema", domain = "movie", allowedDomains = new[] { "https://cinema.example", "cinema.example" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var appId = created.GetProperty("appId").GetString()!;
        Assert.Matches("^APP-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", appId);
        Assert.StartsWith("sk_live_", created.GetProperty("apiKey").GetString(), StringComparison.Ordinal);
        Assert.Equal("MOVIE", created.GetProperty("domain").GetString());

        var fetched = await (await Fixture.Admin().GetAsync($"/admin/apps/{appId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Cinema", fetched.GetProperty("name").GetString());
        Assert.False(fetched.TryGetProperty("apiKey", out _));

        var list = await (await Fixture.Admin().GetAsync("/admin/apps")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("appId").GetString() == appId);
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("appId").GetString() == Fixture.AppB.AppId);

        var patched = await (await Fixture.Admin().PatchAsJsonAsync($"/admin/apps/{appId}", new { name = "Cinema 2", allowedDomains = new[] { "https://new.example" } }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Cinema 2", patched.GetProperty("name").GetString());
        Assert.Equal(["https://new.example"], patched.GetProperty("allowedDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.True(patched.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Apps_BadInputAndUnknownIds_Return4xx()
    {
        var admin = Fixture.Admin();
        await (await admin.PostAsJsonAsync("/admin/apps", new { name = "X", domain = "SPACESHIP", allowedDomains = Array.Empty<string>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/admin/apps", new { name = "", domain = "BUS" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/admin/apps", new { name = "X", domain = "BUS", allowedDomains = new[] { "not a domain" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync("/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ")).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.GetAsync("/admin/apps/nonsense")).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.PatchAsJsonAsync("/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ", new { enabled = false })).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.PostAsync("/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ/rotate-key", null)).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.PatchAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}", new { enabled = "no" })).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Fact]
    public async Task SeedData_Validates_AndReturnsSeatIds()
    {
        var admin = Fixture.Admin();
        var created = await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId = "bus-7", seats = new[] { new { seatNumber = "1A", price = 0m }, new { seatNumber = "1B", price = 9.99m } } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var seats = created.GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(2, seats.Count);
        Assert.All(seats, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("seatId").GetString())));
        Assert.Equal(9.99m, seats[1].GetProperty("price").GetDecimal());

        await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = "APP-ZZZZ-ZZZZ-ZZZZ", entityId = "e", seats = new[] { new { seatNumber = "1", price = 1m } } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId = "e", seats = new[] { new { seatNumber = "1", price = -1m } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId = "e", seats = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId = "e", seats = Enumerable.Range(0, 100_001).Select(i => new { seatNumber = $"{i}", price = 1m }) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId = "e/../x", seats = new[] { new { seatNumber = "1", price = 1m } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsync("/admin/seed-data", new StringContent("{\"appId\":", Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        var listing = await (await Fixture.Tenant(Fixture.AppA).GetAsync("/seats?entityId=e")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(listing.GetProperty("seats").EnumerateArray());
    }

    [Fact]
    public async Task SeedData_100000SeatsInOneCall_ReseedingKnownNumbersKeepsTheirIdsAndAddsOnlyNewOnes()
    {
        var admin = Fixture.Admin();
        var entityId = $"arena-{Guid.NewGuid():N}";
        var seats = Enumerable.Range(0, 100_000).Select(i => new { seatNumber = $"S{i}", price = 20m }).ToList();

        var first = await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId, seats })).ReadJsonAsync(HttpStatusCode.Created);
        var again = seats[50_000..].Append(new { seatNumber = "S-extra", price = 30m }).ToList();
        var second = await (await admin.PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId, seats = again })).ReadJsonAsync(HttpStatusCode.Created);

        var firstIds = first.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()).ToList();
        var secondIds = second.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()).ToList();
        Assert.Equal(100_000, firstIds.Distinct().Count());
        Assert.Equal(firstIds[50_000..], secondIds[..50_000]);
        Assert.DoesNotContain(secondIds[^1], firstIds);
        var listing = await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([.. firstIds, secondIds[^1]], listing.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()));
    }

    [Fact]
    public async Task Bookings_PagedByCursor_FilteredByAppAndTime()
    {
        var app = await Fixture.CreateAppAsync("Paged", []);
        var (_, seats) = await Fixture.SeedAsync(app, 3);
        var user = Fixture.Tenant(app, Fixture.MintUserToken(app, "U-pager"));
        var from = Fixture.Time.GetUtcNow();
        foreach (var seat in seats)
        {
            Fixture.Time.Advance(TimeSpan.FromSeconds(1));
            var hold = await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seat })).ReadJsonAsync(HttpStatusCode.Created);
            await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = hold.GetProperty("reservationToken").GetString(), paymentId = "p-" + seat }))
                .ReadJsonAsync(HttpStatusCode.Created);
        }

        var admin = Fixture.Admin();
        var first = await (await admin.GetAsync($"/admin/bookings?appId={app.AppId}&limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var second = await (await admin.GetAsync($"/admin/bookings?appId={app.AppId}&limit=2&cursor={cursor}")).ReadJsonAsync(HttpStatusCode.OK);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(b => b.GetProperty("seatId").GetString()).ToList();
        Assert.Equal(seats.Reverse(), ids); // newest first
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var before = await (await admin.GetAsync($"/admin/bookings?appId={app.AppId}&to={Uri.EscapeDataString(from.ToString("O"))}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(before.GetProperty("items").EnumerateArray());
        var after = await (await admin.GetAsync($"/admin/bookings?appId={app.AppId}&from={Uri.EscapeDataString(from.ToString("O"))}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, after.GetProperty("items").GetArrayLength());

        await (await admin.GetAsync("/admin/bookings?cursor=%%%")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync("/admin/bookings?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync("/admin/bookings?limit=abc")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync("/admin/bookings?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Usage_CountsRequestsHoldsAndConfirmations()
    {
        var app = await Fixture.CreateAppAsync("Metered", []);
        var (_, seats) = await Fixture.SeedAsync(app, 1);
        var first = Fixture.Tenant(app, Fixture.MintUserToken(app, "U-one"));
        var second = Fixture.Tenant(app, Fixture.MintUserToken(app, "U-two"));
        var hold = await (await first.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).StatusCode);
        await (await first.PostAsJsonAsync("/confirm-booking", new { reservationToken = hold.GetProperty("reservationToken").GetString(), paymentId = "p" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var usage = await (await Fixture.Admin().GetAsync("/admin/usage")).ReadJsonAsync(HttpStatusCode.OK);
        var mine = usage.EnumerateArray().Single(u => u.GetProperty("appId").GetString() == app.AppId);
        Assert.Equal(3, mine.GetProperty("requests").GetInt64());
        Assert.Equal(1, mine.GetProperty("holdsGranted").GetInt64());
        Assert.Equal(1, mine.GetProperty("holdsRefused").GetInt64());
        Assert.Equal(1, mine.GetProperty("confirmations").GetInt64());
        Assert.Equal(0, mine.GetProperty("releases").GetInt64());
    }
}

public sealed class SqliteAdminApiTests(SqliteApiFixture fixture) : AdminApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresAdminApiTests(PostgresApiFixture fixture) : AdminApiTests<PostgresApiFixture>(fixture);
