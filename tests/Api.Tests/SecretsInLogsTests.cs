using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>An engine whose every log entry, down to Trace, is kept for the test to search.</summary>
public sealed class LoggedApiFixture() : ApiFixture(new SqliteEngineStorage())
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => Logs.AddTo(services);
}

/// <summary>A full run, logged at every level: no key, token or password it used may appear in the logs.</summary>
public sealed class SecretsInLogsTests(LoggedApiFixture fixture) : IClassFixture<LoggedApiFixture>
{
    [Fact]
    public async Task FullFlow_LoggedAtTrace_NoSecretInTheLogs()
    {
        var secrets = new List<string>
        {
            ApiFixture.SigningKey, ApiFixture.AdminPassword, ApiFixture.UserPassword, fixture.AdminToken,
            fixture.AppA.ApiKey, fixture.AppB.ApiKey, fixture.UserA1.Token, fixture.UserA2.Token, fixture.UserB1.Token,
        };

        // The admin logs in, creates an app (its key shown once) and seeds it.
        var admin = await (await fixture.Anonymous().PostJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password = ApiFixture.AdminPassword }))
            .ReadJsonAsync(HttpStatusCode.OK);
        secrets.Add(admin.GetProperty("token").GetString()!);
        var app = await fixture.CreateAppAsync("Logged Shop", ["https://logged.example"]);
        secrets.Add(app.ApiKey);
        var (_, seatIds) = await fixture.SeedAsync(app, 2);

        // A user signs up, logs in (and once with a wrong password), holds a seat and pays.
        const string password = "correct horse battery 9";
        const string wrongPassword = "not the password 7";
        secrets.AddRange([password, wrongPassword]);
        var signup = await (await fixture.Tenant(app).PostJsonAsync("/auth/signup", new { email = "logged@example.com", password, name = "Logged" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        secrets.Add(signup.GetProperty("token").GetString()!);
        await (await fixture.Tenant(app).PostJsonAsync("/auth/login", new { email = "logged@example.com", password = wrongPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var login = await (await fixture.Tenant(app).PostJsonAsync("/auth/login", new { email = "logged@example.com", password }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var userToken = login.GetProperty("token").GetString()!;
        secrets.Add(userToken);
        var hold = await (await fixture.Tenant(app, userToken).PostJsonAsync("/reserve-seat", new { seatId = seatIds[0] })).ReadJsonAsync(HttpStatusCode.Created);
        var reservationToken = hold.GetProperty("reservationToken").GetString()!;
        secrets.Add(reservationToken);
        await (await fixture.Tenant(app, userToken).PostJsonAsync("/confirm-booking", new { reservationToken, paymentId = "PAY-LOGGED" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // The browser's and the server's keys and the signing secret: the browser holds with its key, is
        // refused confirming; the server confirms with its key and by a signed notification.
        var publishable = await fixture.IssueAsync(app, "publishable");
        var secretKey = await fixture.IssueAsync(app, "secret");
        var signingSecret = await fixture.IssueAsync(app, "signing");
        secrets.AddRange([publishable, secretKey, signingSecret, signingSecret["whsec_".Length..]]);
        var browserHold = await (await fixture.Tenant(app with { ApiKey = publishable }, userToken).PostJsonAsync("/reserve-seat", new { seatId = seatIds[1] }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var browserToken = browserHold.GetProperty("reservationToken").GetString()!;
        secrets.Add(browserToken);
        await (await fixture.Tenant(app with { ApiKey = publishable }, userToken).PostJsonAsync("/confirm-booking", new { reservationToken = browserToken, paymentId = "PAY-PK" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "secret_key_required");
        await (await fixture.Tenant(app with { ApiKey = secretKey + "x" }, userToken).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        var body = AppCredentials.PaymentBody(browserToken, "PAY-SIGNED");
        using var forgedNotification = AppCredentials.Notification(app.AppId, "whsec_" + Convert.ToBase64String(new byte[32]), body, fixture.Time.GetUtcNow());
        secrets.Add(forgedNotification.Headers.GetValues("webhook-signature").Single()["v1,".Length..]);
        await (await fixture.Anonymous().SendAsync(forgedNotification)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        using var notification = AppCredentials.Notification(app.AppId, signingSecret, body, fixture.Time.GetUtcNow());
        secrets.Add(notification.Headers.GetValues("webhook-signature").Single()["v1,".Length..]);
        await (await fixture.Anonymous().SendAsync(notification)).ReadJsonAsync(HttpStatusCode.Created);
        await (await fixture.Tenant(app with { ApiKey = secretKey }, userToken).PostJsonAsync("/confirm-booking", new { reservationToken = browserToken, paymentId = "PAY-SIGNED" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        // Forged and other apps' tokens are refused, and logged as refusals only.
        var forged = Tokens.Sign(Convert.ToBase64String(new byte[32]), app.AppId, "someone", fixture.Time.GetUtcNow().AddHours(1));
        secrets.Add(forged);
        await (await fixture.Tenant(app, forged).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await fixture.Tenant(app, fixture.UserA1.Token).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");

        // The key is rotated: the old one is refused, the new one works.
        var rotated = await (await fixture.Admin().PostAsync($"/admin/apps/{app.AppId}/rotate-key", null)).ReadJsonAsync(HttpStatusCode.OK);
        var newKey = rotated.GetProperty("apiKey").GetString()!;
        secrets.Add(newKey);
        await (await fixture.Tenant(app).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        await (await fixture.Tenant(app with { ApiKey = newKey }, userToken).GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);

        var logs = fixture.Logs.Entries.ToArray();
        Assert.Contains(logs, entry => entry.StartsWith("Debug ", StringComparison.Ordinal) || entry.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(logs, entry => entry.Contains(app.AppId, StringComparison.Ordinal));
        foreach (var secret in secrets.SelectMany(Fragments))
        {
            var leak = logs.FirstOrDefault(entry => entry.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A secret ({secret[..6]}...) is in the logs: {leak}");
        }
    }

    /// <summary>The secret, and for a JWT or a reservation token its signature or random part alone.</summary>
    private static IEnumerable<string> Fragments(string secret)
    {
        yield return secret;
        var last = secret.LastIndexOf('.');
        if (last > 0 && secret.Length - last > 16)
        {
            yield return secret[(last + 1)..];
        }
    }
}
