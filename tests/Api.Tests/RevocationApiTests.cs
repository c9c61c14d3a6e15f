using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Issue 11 item 4: a password change or log-out-everywhere ends a user's earlier sessions; disabling an app ends its users' at once.</summary>
public abstract class RevocationApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    [Fact]
    public async Task LogOutAll_EveryEarlierTokenRefused_ALaterLoginWorks()
    {
        var user = await NewUserAsync();
        var second = await LogInAsync(user, ApiFixture.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await fixture.As(user).GetAsync("/my-bookings")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.As(user).PostAsync("/auth/logout-all", null)).StatusCode);

        await (await fixture.As(user).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await fixture.Tenant(user.App, second).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var third = await LogInAsync(user, ApiFixture.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Tenant(user.App, third).GetAsync("/my-bookings")).StatusCode);
        // Another user of the app keeps their session.
        Assert.Equal(HttpStatusCode.OK, (await fixture.As(fixture.UserA1).GetAsync("/my-bookings")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_OldTokensAndPasswordRefused_TheNewOnesWork()
    {
        var user = await NewUserAsync();
        var other = await LogInAsync(user, ApiFixture.UserPassword);

        var changed = await (await fixture.As(user).PostAsJsonAsync("/auth/change-password",
            new { email = user.Email, currentPassword = ApiFixture.UserPassword, newPassword = "new-password-2" })).ReadJsonAsync(HttpStatusCode.OK);

        await (await fixture.As(user).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await fixture.Tenant(user.App, other).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Tenant(user.App, changed.GetProperty("token").GetString()).GetAsync("/my-bookings")).StatusCode);
        await (await fixture.Tenant(user.App).PostAsJsonAsync("/auth/login", new { email = user.Email, password = ApiFixture.UserPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Tenant(user.App, await LogInAsync(user, "new-password-2")).GetAsync("/my-bookings")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongPasswordOrSomeoneElsesEmail_401_NothingChanges()
    {
        var user = await NewUserAsync();
        var client = fixture.As(user);

        await (await client.PostAsJsonAsync("/auth/change-password", new { email = user.Email, currentPassword = "wrong-password", newPassword = "new-password-2" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await client.PostAsJsonAsync("/auth/change-password",
            new { email = fixture.UserA1.Email, currentPassword = ApiFixture.UserPassword, newPassword = "new-password-2" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await client.PostAsJsonAsync("/auth/change-password", new { email = user.Email, currentPassword = ApiFixture.UserPassword, newPassword = "short" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-bookings")).StatusCode);
        await LogInAsync(fixture.UserA1, ApiFixture.UserPassword);
    }

    [Fact]
    public async Task DisablingTheApp_RefusesItsKeyAndItsUsersTokensAtOnce_EnablingRestoresThem()
    {
        var app = await fixture.CreateAppAsync($"Revoked {Guid.NewGuid():N}", []);
        var user = await fixture.SignUpAsync(app, $"user-{Guid.NewGuid():N}@example.com");
        Assert.Equal(HttpStatusCode.OK, (await fixture.As(user).GetAsync("/my-bookings")).StatusCode);

        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { enabled = false })).ReadJsonAsync(HttpStatusCode.OK);

        await (await fixture.As(user).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Forbidden, "app_disabled");
        await (await fixture.Tenant(app).PostAsJsonAsync("/auth/login", new { email = user.Email, password = ApiFixture.UserPassword }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "app_disabled");

        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { enabled = true })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await fixture.As(user).GetAsync("/my-bookings")).StatusCode);
    }

    private Task<TestUser> NewUserAsync() => fixture.SignUpAsync(fixture.AppA, $"revoked-{Guid.NewGuid():N}@example.com");

    private async Task<string> LogInAsync(TestUser user, string password) =>
        (await (await fixture.Tenant(user.App).PostAsJsonAsync("/auth/login", new { email = user.Email, password })).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("token").GetString()!;
}

public sealed class SqliteRevocationApiTests(SqliteApiFixture fixture) : RevocationApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresRevocationApiTests(PostgresApiFixture fixture) : RevocationApiTests<PostgresApiFixture>(fixture);
