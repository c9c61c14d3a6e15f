using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Api.Security;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Idempotency-Key on the tenant and admin POSTs, on every storage provider.</summary>
public abstract class IdempotencyApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private const string Replayed = "Idempotent-Replayed";

    [Fact]
    public async Task Hold_SameKeySameBody_ReplaysTheFirstAnswer_TheSeatIsHeldOnce()
    {
        var seats = await SeedAsync(1);
        var user = NewUser();
        var key = NewKey();

        using var first = await PostAsync(User(user), "/reserve-seat", new { seatId = seats[0] }, key);
        using var again = await PostAsync(User(user), "/reserve-seat", new { seatId = seats[0] }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType?.MediaType, again.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains(Replayed));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues(Replayed)));
        await (await PostAsync(User(NewUser()), "/reserve-seat", new { seatId = seats[0] }, key: null)).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
    }

    [Fact]
    public async Task SameKeyDifferentBody_422_AndChangesNothing()
    {
        var seats = await SeedAsync(2);
        var user = NewUser();
        var key = NewKey();
        await (await PostAsync(User(user), "/reserve-seat", new { seatId = seats[0] }, key)).ReadJsonAsync(HttpStatusCode.Created);

        await (await PostAsync(User(user), "/reserve-seat", new { seatId = seats[1] }, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await (await PostAsync(User(user), "/release-seat", new { reservationToken = "x.y" }, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        await (await PostAsync(User(NewUser()), "/reserve-seat", new { seatId = seats[1] }, key: null)).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SameKey_OfAnotherUser_IsAnotherKey()
    {
        var seats = await SeedAsync(1);
        var key = NewKey();
        await (await PostAsync(User(NewUser()), "/reserve-seat", new { seatId = seats[0] }, key)).ReadJsonAsync(HttpStatusCode.Created);

        using var other = await PostAsync(User(NewUser()), "/reserve-seat", new { seatId = seats[0] }, key);

        await other.AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
        Assert.False(other.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task ConcurrentDuplicates_WaitForTheFirst_AndAllGetItsAnswer()
    {
        var seats = await SeedAsync(1);
        var user = NewUser();
        var key = NewKey();
        var clients = Enumerable.Range(0, 24).Select(_ => User(user)).ToArray();

        var answers = await Task.WhenAll(clients.Select(client => PostAsync(client, "/reserve-seat", new { seatId = seats[0] }, key)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(answer => answer.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        Assert.Single(answers, answer => !answer.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task AfterTwentyFourHours_TheKeyRunsAgain()
    {
        var seats = await SeedAsync(1);
        var user = NewUser();
        var key = NewKey();
        var first = await (await PostAsync(User(user), "/reserve-seat", new { seatId = seats[0] }, key)).ReadJsonAsync(HttpStatusCode.Created);

        fixture.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        using var later = await PostAsync(User(user), "/reserve-seat", new { seatId = seats[0] }, key);
        var second = await later.ReadJsonAsync(HttpStatusCode.Created);
        Assert.False(later.Headers.Contains(Replayed));
        Assert.NotEqual(first.GetProperty("reservationToken").GetString(), second.GetProperty("reservationToken").GetString());
    }

    [Fact]
    public async Task Admin_CreateApp_SameKey_OneApp_ReplayedAfterARestart()
    {
        var name = $"Idempotent {Guid.NewGuid():N}";
        var key = NewKey();
        var body = new { name, domain = "BUS", allowedDomains = Array.Empty<string>() };
        using var first = await PostAsync(Admin(), "/admin/apps", body, key);
        var created = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await fixture.RestartAsync();

        using var again = await PostAsync(Admin(), "/admin/apps", body, key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(created, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        await (await PostAsync(Admin(), "/admin/apps", body with { name = name + " 2" }, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var apps = await (await Admin().GetAsync("/admin/apps")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(apps.EnumerateArray(), app => app.GetProperty("name").GetString()!.StartsWith(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tab\tin-key")]
    [InlineData("é-not-ascii")]
    [InlineData(null)]
    public async Task MalformedKey_400_AndChangesNothing(string? key)
    {
        var seats = await SeedAsync(1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reserve-seat") { Content = JsonContent.Create(new { seatId = seats[0] }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? new string('k', 256));

        await (await User(NewUser()).SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_idempotency_key");
        await (await PostAsync(User(NewUser()), "/reserve-seat", new { seatId = seats[0] }, key: null)).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("/reserve-seat", "post", true)]
    [InlineData("/confirm-booking", "post", true)]
    [InlineData("/auth/signup", "post", true)]
    [InlineData("/admin/apps", "post", true)]
    [InlineData("/admin/seed-data", "post", true)]
    [InlineData("/admin/login", "post", false)]
    [InlineData("/seats", "get", false)]
    public async Task OpenApi_PostsOfTenantAndAdminRoutes_DeclareTheHeader(string path, string method, bool declared)
    {
        var document = await (await fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        var header = operation.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        Assert.Equal(declared, header);
    }

    [Fact]
    public async Task CorsPreflight_AllowsTheHeader()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/reserve-seat");
        preflight.Headers.Add("Origin", "https://a.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "idempotency-key");

        using var answer = await fixture.Anonymous().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("idempotency-key", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static string NewUser() => $"idem-{Guid.NewGuid():N}";

    private static Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string path, T body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    /// <summary>A client of a user of app A, with a token made now: tests here move the clock by a day.</summary>
    private HttpClient User(string userId) => fixture.Tenant(fixture.AppA, fixture.MintUserToken(fixture.AppA, userId));

    private HttpClient Admin()
    {
        var client = fixture.Factory.CreateClient();
        var token = fixture.Factory.Services.GetRequiredService<TokenService>().IssueAdmin(ApiFixture.AdminUsername).Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string[]> SeedAsync(int count)
    {
        var seats = Enumerable.Range(1, count).Select(i => new { seatNumber = $"I{i}", price = 5m }).ToArray();
        using var response = await Admin().PostAsJsonAsync("/admin/seed-data", new { appId = fixture.AppA.AppId, entityId = $"idem-{Guid.NewGuid():N}", seats });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()!).ToArray();
    }
}

public sealed class SqliteIdempotencyApiTests(SqliteApiFixture fixture) : IdempotencyApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresIdempotencyApiTests(PostgresApiFixture fixture) : IdempotencyApiTests<PostgresApiFixture>(fixture);
