using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>
/// Publishable and secret keys beside the app's original key (issue 11 item 1): a publishable key does
/// everything a browser needs but confirm; a secret key and the original key confirm; each key rotates
/// alone; the app's confirmation mode narrows who may confirm.
/// </summary>
public abstract class AppKeysApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    [Fact]
    public async Task PublishableKey_DoesTheBrowsersWork_ButConfirming403SecretKeyRequired()
    {
        var app = await fixture.CreateAppAsync($"Keys {Guid.NewGuid():N}", []);
        var browser = app with { ApiKey = await fixture.IssueAsync(app, "publishable") };
        var server = app with { ApiKey = await fixture.IssueAsync(app, "secret") };
        Assert.StartsWith("pk_live_", browser.ApiKey, StringComparison.Ordinal);
        Assert.StartsWith("sk_server_", server.ApiKey, StringComparison.Ordinal);
        var (entityId, seats) = await fixture.SeedAsync(app, 3);

        var user = await fixture.SignUpAsync(browser, $"pk-{Guid.NewGuid():N}@example.com");
        await (await fixture.Tenant(browser).PostJsonAsync("/auth/login", new { email = user.Email, password = ApiFixture.UserPassword })).ReadJsonAsync(HttpStatusCode.OK);
        await (await fixture.Tenant(browser).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        await (await fixture.Tenant(browser).GetAsync("/entities")).ReadJsonAsync(HttpStatusCode.OK);
        var client = fixture.As(user with { App = browser });
        var token = await HoldAsync(client, seats[0]);
        await (await client.PostJsonAsync("/extend-hold", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/payment-started", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        var group = await (await client.PostJsonAsync("/reserve-seats", new { seatIds = new[] { seats[1], seats[2] } })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/release-seat", new { reservationToken = group.GetProperty("reservationToken").GetString() })).ReadJsonAsync(HttpStatusCode.OK);

        await (await client.PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-PK" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "secret_key_required");
        Assert.Empty((await (await client.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());

        var booking = await (await fixture.Tenant(server, user.Token).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-SK" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(user.UserId, booking.GetProperty("userId").GetString());
        Assert.Single((await (await client.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task OriginalKey_StillDoesEverything_ConfirmingIncluded()
    {
        var app = await fixture.CreateAppAsync($"Keys {Guid.NewGuid():N}", []);
        await fixture.IssueAsync(app, "publishable");
        await fixture.IssueAsync(app, "secret");
        var (_, seats) = await fixture.SeedAsync(app, 1);
        var user = await fixture.SignUpAsync(app, $"orig-{Guid.NewGuid():N}@example.com");
        var token = await HoldAsync(fixture.As(user), seats[0]);
        await (await fixture.As(user).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-ORIG" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await fixture.As(user).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-ORIG" })).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rotation_OfEachKey_RefusesOnlyThatKey()
    {
        var app = await fixture.CreateAppAsync($"Keys {Guid.NewGuid():N}", []);
        var shown = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(shown.GetProperty("credentials").GetProperty("publishableKey").GetBoolean());
        var keys = new Dictionary<string, string>
        {
            ["original"] = app.ApiKey,
            ["publishable"] = await fixture.IssueAsync(app, "publishable"),
            ["secret"] = await fixture.IssueAsync(app, "secret"),
        };
        shown = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(shown.GetProperty("credentials").GetProperty("publishableKey").GetBoolean());
        Assert.True(shown.GetProperty("credentials").GetProperty("secretKey").GetBoolean());
        Assert.DoesNotContain(keys["secret"], shown.GetRawText(), StringComparison.Ordinal);

        foreach (var rotated in new[] { "publishable", "secret", "original" })
        {
            var old = keys[rotated];
            keys[rotated] = await fixture.IssueAsync(app, rotated);
            Assert.NotEqual(old, keys[rotated]);
            await (await fixture.Tenant(app with { ApiKey = old }).GetAsync("/entities")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
            foreach (var key in keys.Values)
            {
                await (await fixture.Tenant(app with { ApiKey = key }).GetAsync("/entities")).ReadJsonAsync(HttpStatusCode.OK);
            }
        }
    }

    [Fact]
    public async Task ServerMode_RefusesTheOriginalKey_TheSecretKeyConfirms()
    {
        var app = await fixture.CreateAppAsync($"Keys {Guid.NewGuid():N}", []);
        var server = app with { ApiKey = await fixture.IssueAsync(app, "secret") };
        var browser = app with { ApiKey = await fixture.IssueAsync(app, "publishable") };
        var updated = await (await fixture.SetConfirmationAsync(app, "server")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("server", updated.GetProperty("confirmation").GetString());
        var (_, seats) = await fixture.SeedAsync(app, 1);
        var user = await fixture.SignUpAsync(app, $"server-{Guid.NewGuid():N}@example.com");
        var token = await HoldAsync(fixture.As(user), seats[0]);

        await (await fixture.As(user).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "secret_key_required");
        await (await fixture.Tenant(browser, user.Token).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "secret_key_required");
        await (await fixture.Tenant(server, user.Token).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-1" }))
            .ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SignedMode_RefusesEveryKey_403SignedNotificationRequired()
    {
        var app = await fixture.CreateAppAsync($"Keys {Guid.NewGuid():N}", []);
        var server = app with { ApiKey = await fixture.IssueAsync(app, "secret") };
        await (await fixture.SetConfirmationAsync(app, "signed")).ReadJsonAsync(HttpStatusCode.OK);
        var (_, seats) = await fixture.SeedAsync(app, 1);
        var user = await fixture.SignUpAsync(app, $"signed-{Guid.NewGuid():N}@example.com");
        var token = await HoldAsync(fixture.As(user), seats[0]);

        foreach (var caller in new[] { app, server })
        {
            await (await fixture.Tenant(caller, user.Token).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-1" }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "signed_notification_required");
        }

        // Back to the default: today's behaviour.
        await (await fixture.SetConfirmationAsync(app, "any")).ReadJsonAsync(HttpStatusCode.OK);
        await (await fixture.As(user).PostJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "PAY-1" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task BadConfirmationMode_Or_UnknownApp_AreRefused()
    {
        var app = await fixture.CreateAppAsync($"Keys {Guid.NewGuid():N}", []);
        await (await fixture.SetConfirmationAsync(app, "Server")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await fixture.SetConfirmationAsync(app, "nobody")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("any", (await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("confirmation").GetString());
        foreach (var path in new[] { "rotate-publishable-key", "rotate-secret-key", "rotate-signing-secret" })
        {
            await (await fixture.Admin().PostAsync($"/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ/{path}", null)).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
            await (await fixture.Tenant(app).PostAsync($"/admin/apps/{app.AppId}/{path}", null)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        }
    }

    private static async Task<string> HoldAsync(HttpClient client, string seatId) =>
        (await (await client.PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString()!;
}

public sealed class SqliteAppKeysApiTests(SqliteApiFixture fixture) : AppKeysApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresAppKeysApiTests(PostgresApiFixture fixture) : AppKeysApiTests<PostgresApiFixture>(fixture);
