using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>
/// Issue 11 item 3: holds per user, rate limits per address and per account (PATCH /admin/apps/{appId} limits),
/// and the login lock, over HTTP on every storage provider.
/// </summary>
public abstract class LimitsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private const int Unlimited = 1_000_000;

    [Fact]
    public async Task Holds_FiftyInParallelByOneUser_ExactlyTheLimitGranted_AndFreedByReleaseAndExpiry()
    {
        var (app, user) = await NewAppAsync();
        var (_, seats) = await fixture.SeedAsync(app, 53);
        var client = fixture.As(user);

        var answers = await Task.WhenAll(seats.Take(50).Select(seatId => client.PostAsJsonAsync("/reserve-seat", new { seatId })));

        var granted = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.Equal(10, granted.Length);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");
        }

        // Another user of the app is not limited by this one's holds.
        var other = await fixture.SignUpAsync(app, $"other-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.Created, (await fixture.As(other).PostAsJsonAsync("/reserve-seat", new { seatId = seats[51] })).StatusCode);

        var token = (await granted[0].ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString();
        await (await client.PostAsJsonAsync("/release-seat", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[50] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[52] })).AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[52] })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GroupHolds_CountTowardTheUsersLimit_AllOrNone_AndReleaseFreesThem()
    {
        var (app, user) = await NewAppAsync();
        var (_, seats) = await fixture.SeedAsync(app, 12);
        var client = fixture.As(user);

        var group = await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = seats.Take(8) })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = seats.Skip(8).Take(3) })).AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");

        // The refused group held nothing and counted nothing.
        var other = await fixture.SignUpAsync(app, $"other-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.Created, (await fixture.As(other).PostAsJsonAsync("/reserve-seat", new { seatId = seats[8] })).StatusCode);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[9] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[10] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[11] })).AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");

        var token = group.GetProperty("reservationToken").GetString();
        await (await client.PostAsJsonAsync("/release-seat", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[11] })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Holds_TheAppsOwnLimit_AppliesAndIsShown()
    {
        var (app, user) = await NewAppAsync();
        var shown = await SetLimitsAsync(app, Limits(maxHoldsPerUser: 2));
        Assert.Equal(2, shown.GetProperty("limits").GetProperty("maxHoldsPerUser").GetInt32());
        var (_, seats) = await fixture.SeedAsync(app, 3);
        var client = fixture.As(user);

        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[2] })).AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");
    }

    [Fact]
    public async Task Signup_PastThePerAddressRate_429WithRetryAfter()
    {
        var (app, _) = await NewAppAsync();
        await SetLimitsAsync(app, Limits(signupsPerAddress: 1));
        var client = fixture.Tenant(app);

        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(client, $"s1-{Guid.NewGuid():N}@example.com")).StatusCode);
        using var refused = await SignUpAsync(client, $"s2-{Guid.NewGuid():N}@example.com");

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        AssertRetryAfter(refused, 3600);
    }

    [Fact]
    public async Task Login_PastThePerAccountRate_429ForThatAccountOnly()
    {
        var (app, user) = await NewAppAsync();
        var second = await fixture.SignUpAsync(app, $"second-{Guid.NewGuid():N}@example.com");
        await SetLimitsAsync(app, Limits(loginsPerAccount: 2));
        var client = fixture.Tenant(app);

        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, user.Email, ApiFixture.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, user.Email.ToUpperInvariant(), ApiFixture.UserPassword)).StatusCode);
        using var refused = await LogInAsync(client, user.Email, ApiFixture.UserPassword);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        AssertRetryAfter(refused, 3600);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, second.Email, ApiFixture.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task Holds_PastThePerAccountRate_429()
    {
        var (app, user) = await NewAppAsync();
        await SetLimitsAsync(app, Limits(holdsPerAccount: 1));
        var (_, seats) = await fixture.SeedAsync(app, 2);
        var client = fixture.As(user);

        await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        using var refused = await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] });

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        AssertRetryAfter(refused, 3600);
    }

    [Fact]
    public async Task Login_RepeatedFailures_LockTheAccountBriefly_RightPasswordAfterTheWait()
    {
        var (app, user) = await NewAppAsync();
        var client = fixture.Tenant(app);
        for (var i = 0; i < 5; i++)
        {
            await (await LogInAsync(client, user.Email, "wrong-password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using var locked = await LogInAsync(client, user.Email, ApiFixture.UserPassword);
        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "login_locked");
        AssertRetryAfter(locked, 1);
        // Only that account is locked.
        var other = await fixture.SignUpAsync(app, $"other-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(client, other.Email, ApiFixture.UserPassword)).StatusCode);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await (await LogInAsync(client, user.Email, ApiFixture.UserPassword)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(0, 60, 1)]
    [InlineData(1001, 60, 1)]
    [InlineData(10, 0, 1)]
    [InlineData(10, 86_401, 1)]
    [InlineData(10, 60, 0)]
    public async Task Limits_OutOfBounds_400_NothingChanged(int maxHoldsPerUser, int windowSeconds, int signupsPerAddress)
    {
        var (app, _) = await NewAppAsync();
        var limits = new
        {
            maxHoldsPerUser, windowSeconds, signupsPerAddress, signupsPerAccount = 1, loginsPerAddress = 1, loginsPerAccount = 1, holdsPerAddress = 1, holdsPerAccount = 1,
        };
        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { limits })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { limits = new { maxHoldsPerUser = 3 } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var shown = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("limits").ValueKind);
    }

    private static object Limits(
        int maxHoldsPerUser = 10, int signupsPerAddress = Unlimited, int loginsPerAccount = Unlimited, int holdsPerAccount = Unlimited) => new
        {
            maxHoldsPerUser,
            windowSeconds = 3600,
            signupsPerAddress,
            signupsPerAccount = Unlimited,
            loginsPerAddress = Unlimited,
            loginsPerAccount,
            holdsPerAddress = Unlimited,
            holdsPerAccount,
        };

    private async Task<JsonElement> SetLimitsAsync(TestApp app, object limits) =>
        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { limits })).ReadJsonAsync(HttpStatusCode.OK);

    private static void AssertRetryAfter(HttpResponseMessage response, int atMostSeconds)
    {
        var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, atMostSeconds);
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("/auth/signup", new { email, password = ApiFixture.UserPassword, name = "Limited" });

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/auth/login", new { email, password });

    private async Task<(TestApp App, TestUser User)> NewAppAsync()
    {
        var app = await fixture.CreateAppAsync($"Limits {Guid.NewGuid():N}", []);
        return (app, await fixture.SignUpAsync(app, $"limited-{Guid.NewGuid():N}@example.com"));
    }
}

public sealed class SqliteLimitsApiTests(SqliteApiFixture fixture) : LimitsApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresLimitsApiTests(PostgresApiFixture fixture) : LimitsApiTests<PostgresApiFixture>(fixture);
