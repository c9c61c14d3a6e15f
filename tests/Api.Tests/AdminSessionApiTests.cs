using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Issue 11 item 4 for the operator: admin tokens last 15 minutes, log-out-everywhere ends them, failed logins lock briefly.</summary>
public abstract class AdminSessionApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    [Fact]
    public async Task AdminToken_LastsFifteenMinutes_ThenRefused_ALoginGivesANewOne()
    {
        var (token, expiresAt) = await LogInAsync();
        Assert.InRange(expiresAt - fixture.Time.GetUtcNow(), TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15)); // JWT times are whole seconds
        Assert.Equal(HttpStatusCode.OK, (await As(token).GetAsync("/admin/apps")).StatusCode);

        fixture.Time.Advance(TimeSpan.FromMinutes(15));

        await (await As(token).GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await As((await LogInAsync()).Token).GetAsync("/admin/apps")).StatusCode);
    }

    [Fact]
    public async Task AdminLogOutAll_EveryEarlierAdminTokenRefused()
    {
        var (first, _) = await LogInAsync();
        var (second, _) = await LogInAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await As(first).PostAsync("/admin/logout-all", null)).StatusCode);

        await (await As(first).GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await As(second).GetAsync("/admin/apps")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await As((await LogInAsync()).Token).GetAsync("/admin/apps")).StatusCode);
    }

    [Fact]
    public async Task AdminLogin_RepeatedFailures_LockBriefly_ThenTheRightPasswordWorks()
    {
        for (var i = 0; i < 5; i++)
        {
            await (await PostLoginAsync("wrong-password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        using var locked = await PostLoginAsync(ApiFixture.AdminPassword);
        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "login_locked");
        Assert.Equal(TimeSpan.FromSeconds(1), locked.Headers.RetryAfter?.Delta);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await LogInAsync();
    }

    private HttpClient As(string token)
    {
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<HttpResponseMessage> PostLoginAsync(string password) =>
        fixture.Anonymous().PostAsJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password });

    private async Task<(string Token, DateTimeOffset ExpiresAt)> LogInAsync()
    {
        var body = await (await PostLoginAsync(ApiFixture.AdminPassword)).ReadJsonAsync(HttpStatusCode.OK);
        return (body.GetProperty("token").GetString()!, body.GetProperty("expiresAt").GetDateTimeOffset());
    }
}

/// <summary>The engine's own admin token lifetime, which the other fixtures stretch.</summary>
public abstract class AdminSessionFixture(EngineStorage storage) : ApiFixture(storage)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Jwt:AdminLifetime"] = "00:15:00" };
}

public sealed class SqliteAdminSessionFixture() : AdminSessionFixture(new SqliteEngineStorage());

public sealed class PostgresAdminSessionFixture() : AdminSessionFixture(new PostgresEngineStorage());

public sealed class SqliteAdminSessionApiTests(SqliteAdminSessionFixture fixture) : AdminSessionApiTests<SqliteAdminSessionFixture>(fixture);

public sealed class PostgresAdminSessionApiTests(PostgresAdminSessionFixture fixture) : AdminSessionApiTests<PostgresAdminSessionFixture>(fixture);
