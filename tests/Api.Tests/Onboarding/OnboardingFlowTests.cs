using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;
using static Reservations.Api.Tests.Infrastructure.Onboarding;

namespace Reservations.Api.Tests.Onboarding;

/// <summary>Issue 10's HTTP flow, run on every storage provider: request → prefill → ten steps → a live app.</summary>
public abstract class OnboardingFlowTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : OnboardingFixture
{
    protected TFixture Fixture { get; } = fixture;

    private static string NewEmail() => $"owner-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Flow_RequestPrefillStepsComplete_TheNewAppHoldsAndConfirmsASeat()
    {
        var client = Fixture.Anonymous();
        var email = NewEmail();
        var (bookingId, token) = await RequestAsync(client, email);
        Assert.Equal(43, token.Length); // 32 random bytes, base64url

        var prefill = await (await client.GetAsync($"/api/onboarding/prefill?token={token}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Ann's Events", prefill.GetProperty("businessName").GetString());
        Assert.Equal(email, prefill.GetProperty("email").GetString());
        Assert.Equal("+31 6 1234 5678", prefill.GetProperty("phone").GetString());
        Assert.Equal("Concert", prefill.GetProperty("eventType").GetString());
        Assert.Equal("2026-06-30", prefill.GetProperty("eventDate").GetString());
        Assert.Equal(0, prefill.GetProperty("currentStep").GetInt32());

        await WalkAsync(client, token, email);
        var resumed = await (await client.GetAsync($"/api/onboarding/prefill?token={token}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(9, resumed.GetProperty("currentStep").GetInt32());
        Assert.Equal("EUR", resumed.GetProperty("answers").GetProperty("5").GetProperty("currency").GetString());

        var done = await CompleteAsync(client, token);
        var app = new TestApp(done.GetProperty("appId").GetString()!, done.GetProperty("apiKey").GetString()!);
        Assert.StartsWith("sk_live_", app.ApiKey, StringComparison.Ordinal);
        Assert.False(done.GetProperty("alreadyActivated").GetBoolean());

        // The app as the wizard described it.
        var view = await (await Fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Ann's Events", view.GetProperty("name").GetString());
        Assert.Equal("EVENT", view.GetProperty("domain").GetString());
        Assert.Equal("https://tickets.anns.example", Assert.Single(view.GetProperty("allowedDomains").EnumerateArray()).GetString());

        // The organiser's account, the inventory with its prices, a seat held and confirmed.
        var login = await (await Fixture.Tenant(app).PostAsJsonAsync("/auth/login", new { email, password = done.GetProperty("organiserPassword").GetString() }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var organiser = Fixture.Tenant(app, login.GetProperty("token").GetString());
        var seats = (await (await organiser.GetAsync("/seats?entityId=summer-show")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("seats").EnumerateArray().ToArray();
        Assert.Equal(["A1", "A2", "A3"], seats.Select(s => s.GetProperty("seatNumber").GetString()));
        Assert.Equal([40m, 25m, 25m], seats.Select(s => s.GetProperty("price").GetDecimal()));
        var hold = await (await organiser.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0].GetProperty("seatId").GetString() })).ReadJsonAsync(HttpStatusCode.Created);
        var booking = await (await organiser.PostAsJsonAsync("/confirm-booking", new { reservationToken = hold.GetProperty("reservationToken").GetString(), paymentId = "PAY-1" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(seats[0].GetProperty("seatId").GetString(), booking.GetProperty("seatId").GetString());

        // The link is spent; the admin sees the request activated; the confirmation mail is queued.
        await (await client.GetAsync($"/api/onboarding/prefill?token={token}")).AssertProblemAsync(HttpStatusCode.Gone, "link_used");
        await (await SaveStepAsync(client, token, 1, new { acceptTerms = true })).AssertProblemAsync(HttpStatusCode.Gone, "link_used");
        var request = await FindRequestAsync(bookingId);
        Assert.Equal("Activated", request.GetProperty("status").GetString());
        Assert.Equal(app.AppId, request.GetProperty("appId").GetString());
        var outbox = await (await Fixture.Admin().GetAsync("/admin/outbox?limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(outbox.GetProperty("messages").EnumerateArray(), m => m.GetProperty("to").GetString() == email && m.GetProperty("body").GetString()!.Contains(app.AppId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_TwentyAtOnce_MakeOneAppAndOnlyOneAnswerCarriesItsKey()
    {
        var client = Fixture.Anonymous();
        var email = NewEmail();
        var (_, token) = await RequestAsync(client, email);
        await WalkAsync(client, token, email, seats: 2);
        var appsBefore = (await (await Fixture.Admin().GetAsync("/admin/apps")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CompleteAsync(Fixture.Anonymous(), token)));

        Assert.Single(answers.Select(a => a.GetProperty("appId").GetString()).Distinct());
        Assert.Single(answers, a => a.GetProperty("apiKey").ValueKind == JsonValueKind.String);
        Assert.Equal(19, answers.Count(a => a.GetProperty("alreadyActivated").GetBoolean()));
        var appsAfter = (await (await Fixture.Admin().GetAsync("/admin/apps")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength();
        Assert.Equal(appsBefore + 1, appsAfter);
    }

    [Fact]
    public async Task Link_Past24Hours_IsGoneAtTheInstantAndTheAdminSeesItExpired()
    {
        var client = Fixture.Anonymous();
        var email = NewEmail();
        var (bookingId, token) = await RequestAsync(client, email);
        await (await SaveStepAsync(client, token, 1, new { acceptTerms = true })).ReadJsonAsync(HttpStatusCode.OK);

        Fixture.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        await (await client.GetAsync($"/api/onboarding/prefill?token={token}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("InProgress", (await FindRequestAsync(bookingId)).GetProperty("status").GetString());

        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await (await client.GetAsync($"/api/onboarding/prefill?token={token}")).AssertProblemAsync(HttpStatusCode.Gone, "link_expired");
        await (await SaveStepAsync(client, token, 2, Answers(email)[2])).AssertProblemAsync(HttpStatusCode.Gone, "link_expired");
        using var complete = await client.PostAsJsonAsync("/api/onboarding/complete", new { token });
        await complete.AssertProblemAsync(HttpStatusCode.Gone, "link_expired");
        Assert.Equal("Expired", (await FindRequestAsync(bookingId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resend_KillsTheOldLinkAtOnce_AndTheNewOneResumesTheProgress()
    {
        var client = Fixture.Anonymous();
        var email = NewEmail();
        var (bookingId, oldToken) = await RequestAsync(client, email);
        await (await SaveStepAsync(client, oldToken, 1, new { acceptTerms = true })).ReadJsonAsync(HttpStatusCode.OK);

        var resent = await (await Fixture.Admin().PostAsync($"/admin/onboarding/requests/{bookingId}/resend", null)).ReadJsonAsync(HttpStatusCode.OK);
        var newToken = TokenOf(new Uri(resent.GetProperty("onboardingUrl").GetString()!));

        await (await client.GetAsync($"/api/onboarding/prefill?token={oldToken}")).AssertProblemAsync(HttpStatusCode.Gone, "link_replaced");
        var prefill = await (await client.GetAsync($"/api/onboarding/prefill?token={newToken}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, prefill.GetProperty("currentStep").GetInt32());
        var request = await FindRequestAsync(bookingId);
        Assert.Equal(2, request.GetProperty("linksSent").GetInt32());
        var outbox = await (await Fixture.Admin().GetAsync("/admin/outbox?limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, outbox.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("to").GetString() == email));
        Assert.False(outbox.GetProperty("smtpConfigured").GetBoolean());

        await (await Fixture.Admin().PostAsync("/admin/onboarding/requests/999999/resend", null)).AssertProblemAsync(HttpStatusCode.NotFound, "booking_not_found");
    }

    [Fact]
    public async Task Link_UnknownMalformedOrMissingToken_404Or400()
    {
        var client = Fixture.Anonymous();
        var unknown = Reservations.Grains.Secrets.NewToken(32);
        await (await client.GetAsync($"/api/onboarding/prefill?token={unknown}")).AssertProblemAsync(HttpStatusCode.NotFound, "link_not_found");
        await (await client.GetAsync("/api/onboarding/prefill?token=short")).AssertProblemAsync(HttpStatusCode.NotFound, "link_not_found");
        await (await client.GetAsync("/api/onboarding/prefill")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await SaveStepAsync(client, unknown, 1, new { acceptTerms = true })).AssertProblemAsync(HttpStatusCode.NotFound, "link_not_found");
        using var complete = await client.PostAsJsonAsync("/api/onboarding/complete", new { token = unknown });
        await complete.AssertProblemAsync(HttpStatusCode.NotFound, "link_not_found");
    }

    [Fact]
    public async Task Steps_BadAnswers_SayWhatToFixAndChangeNothing()
    {
        var client = Fixture.Anonymous();
        var email = NewEmail();
        var (_, token) = await RequestAsync(client, email);

        await AssertRefusedAsync(client, token, 1, new { acceptTerms = false }, "Step 1: acceptTerms");
        await AssertRefusedAsync(client, token, 2, new { businessName = "X", contactName = "Y", email = "not-an-email", phone = "+31 6 1234 5678" }, "Step 2: email");
        await AssertRefusedAsync(client, token, 3, new { domain = "CASTLE", entities = Array.Empty<object>() }, "Step 3: domain");
        await AssertRefusedAsync(client, token, 3, new { domain = "BUS", entities = new[] { new { entityId = "bus 1", name = "Bus", items = new[] { "1" } } } }, "Step 3: every entity needs an id");
        await AssertRefusedAsync(client, token, 4, Answers(email)[4], "Step 4: save step 3");
        await AssertRefusedAsync(client, token, 6, new { confirmation = "ONLINE", webhookUrl = "http://insecure.example/hook" }, "Step 6: webhookUrl");
        await AssertRefusedAsync(client, token, 8, new { allowedDomains = new[] { "not a domain" }, holdSeconds = 120 }, "Step 8:");
        await AssertRefusedAsync(client, token, 8, new { allowedDomains = Array.Empty<string>(), holdSeconds = 5 }, "Step 8: holdSeconds");
        await AssertRefusedAsync(client, token, 9, new { confirmed = true }, "Step 9: complete steps 1, 2, 3, 4, 5, 6, 7, 8 first");
        await AssertRefusedAsync(client, token, 2, new { businessName = 42 }, "Step 2: answers do not have the expected shape");
        await (await SaveStepAsync(client, token, 11, new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        await (await SaveStepAsync(client, token, 3, Answers(email)[3])).ReadJsonAsync(HttpStatusCode.OK);
        await AssertRefusedAsync(client, token, 4, new { bundles = new[] { new { name = "Pair", items = new[] { "A1", "Z9" } } } }, "Step 4: bundle Pair names Z9");
        await AssertRefusedAsync(client, token, 5, new { currency = "EURO", defaultPrice = 1m }, "Step 5: currency");

        using var early = await client.PostAsJsonAsync("/api/onboarding/complete", new { token });
        await early.AssertProblemAsync(HttpStatusCode.Conflict, "steps_incomplete");
        var prefill = await (await client.GetAsync($"/api/onboarding/prefill?token={token}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, prefill.GetProperty("currentStep").GetInt32());
        Assert.Equal(["3"], prefill.GetProperty("answers").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Bookings_BadInputOrHoneypot_4xxAndNothingStored()
    {
        var client = Fixture.Anonymous();
        var before = await CountRequestsAsync();
        var good = new Dictionary<string, object?> { ["name"] = "Ann", ["email"] = "ann@example.com", ["phone"] = "+31 6 1234 5678", ["eventType"] = "Wedding", ["eventDate"] = "2026-07-01", ["message"] = "" };
        foreach (var (field, value) in new (string, object?)[] { ("name", ""), ("email", "ann"), ("phone", "call me"), ("eventType", null), ("eventDate", "next friday"), ("message", new string('x', 2001)) })
        {
            var body = new Dictionary<string, object?>(good) { [field] = value };
            using var response = await client.PostAsJsonAsync("/api/bookings", body);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        }

        using var bot = await client.PostAsJsonAsync("/api/bookings", new Dictionary<string, object?>(good) { ["website"] = "https://spam.example" });
        await bot.AssertProblemAsync(HttpStatusCode.BadRequest, "honeypot_filled");
        using var notJson = await client.PostAsync("/api/bookings", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var huge = await client.PostAsJsonAsync("/api/bookings", new Dictionary<string, object?>(good) { ["message"] = new string('x', 20_000) });
        await huge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Complete_TenantStorageFailsMidway_503AndNoApp_ThenTheRetryFinishesTheJob()
    {
        var client = Fixture.Anonymous();
        var email = NewEmail();
        var (bookingId, token) = await RequestAsync(client, email);
        await WalkAsync(client, token, email, seats: 2);
        var appsBefore = await AppIdsAsync();

        Fixture.TenantWrites.FailNext(1, () => new TimeoutException("Simulated storage timeout."));
        using var interrupted = await client.PostAsJsonAsync("/api/onboarding/complete", new { token });
        await interrupted.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "engine_busy");
        Assert.Equal(appsBefore, await AppIdsAsync());
        Assert.NotEqual("Activated", (await FindRequestAsync(bookingId)).GetProperty("status").GetString());

        var done = await CompleteAsync(client, token);
        var app = new TestApp(done.GetProperty("appId").GetString()!, done.GetProperty("apiKey").GetString()!);
        var appsAfter = await AppIdsAsync();
        Assert.Equal([.. appsBefore, app.AppId], appsAfter);
        var seats = await (await Fixture.Tenant(app).GetAsync("/seats?entityId=summer-show")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, seats.GetProperty("seats").GetArrayLength());
    }

    [Fact]
    public async Task Admin_OnboardingEndpoints_RequireTheAdmin()
    {
        var anonymous = Fixture.Anonymous();
        foreach (var path in new[] { "/admin/onboarding/requests", "/admin/outbox", "/admin/contacts", "/admin/reviews" })
        {
            await (await anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        }

        await (await Fixture.Admin().GetAsync("/admin/onboarding/requests?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task OpenApi_ListsTheOnboardingEndpointsAndTheirRefusals()
    {
        var document = await (await Fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/packages", "/api/contact", "/api/reviews", "/api/bookings", "/api/onboarding/prefill", "/api/onboarding/steps/{step}", "/api/onboarding/complete", "/admin/outbox" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        }

        var prefill = paths.GetProperty("/api/onboarding/prefill").GetProperty("get").GetProperty("responses");
        Assert.True(prefill.TryGetProperty("410", out _));
        Assert.True(prefill.TryGetProperty("404", out _));
    }

    private static async Task AssertRefusedAsync(HttpClient client, string token, int step, object answers, string detailStart)
    {
        using var response = await SaveStepAsync(client, token, step, answers);
        var text = await response.Content.ReadAsStringAsync();
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.True(detail.StartsWith(detailStart, StringComparison.Ordinal), $"Expected a detail starting \"{detailStart}\", got \"{detail}\".");
    }

    private async Task<JsonElement> FindRequestAsync(long bookingId)
    {
        var page = await (await Fixture.Admin().GetAsync("/admin/onboarding/requests?limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("bookingId").GetInt64() == bookingId);
    }

    private async Task<int> CountRequestsAsync() =>
        (await (await Fixture.Admin().GetAsync("/admin/onboarding/requests?limit=200")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();

    private async Task<string[]> AppIdsAsync() =>
        [.. (await (await Fixture.Admin().GetAsync("/admin/apps")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(a => a.GetProperty("appId").GetString()!)];
}

public sealed class SqliteOnboardingFlowTests(SqliteOnboardingFixture fixture) : OnboardingFlowTests<SqliteOnboardingFixture>(fixture);

public sealed class PostgresOnboardingFlowTests(PostgresOnboardingFixture fixture) : OnboardingFlowTests<PostgresOnboardingFixture>(fixture);
