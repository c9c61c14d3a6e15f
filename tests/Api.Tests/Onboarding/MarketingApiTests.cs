using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests.Onboarding;

/// <summary>The marketing endpoints (plans, contact form, reviews, /health) on every storage provider.</summary>
public abstract class MarketingApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : OnboardingFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Health_Returns200Ok()
    {
        var health = await (await Fixture.Anonymous().GetAsync("/health")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Packages_BuiltInUntilTheAdminEditsThem_AndTheEditsAreKeptAcrossARestart()
    {
        var builtIn = await (await Fixture.Anonymous().GetAsync("/api/packages")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["starter", "business", "enterprise"], builtIn.EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        var admin = Fixture.Admin();
        var plan = new { name = "Starter", description = "Small venues.", monthlyPrice = 19m, currency = "eur", features = new[] { "1 app" } };
        var saved = await (await admin.PutAsJsonAsync("/admin/packages/starter", plan)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("EUR", saved.GetProperty("currency").GetString());
        await (await admin.PutAsJsonAsync("/admin/packages/pro", plan with { })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/admin/packages/enterprise")).StatusCode);

        await (await admin.PutAsJsonAsync("/admin/packages/bad", new { name = "Bad", description = "x", monthlyPrice = 1m, currency = "EURO" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PutAsJsonAsync("/admin/packages/bad", new { name = "Bad", description = "x", monthlyPrice = -1m, currency = "EUR" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.DeleteAsync("/admin/packages/enterprise")).AssertProblemAsync(HttpStatusCode.NotFound, "package_not_found");
        await (await Fixture.Anonymous().PutAsJsonAsync("/admin/packages/starter", plan)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");

        await Fixture.RestartAsync();
        var edited = await (await Fixture.Anonymous().GetAsync("/api/packages")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["starter", "business", "pro"], edited.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(19m, edited[0].GetProperty("monthlyPrice").GetDecimal());
    }

    [Fact]
    public async Task Contact_StoredAndListedForTheAdmin_BadInputAndBotsChangeNothing()
    {
        var client = Fixture.Anonymous();
        var before = (await (await Fixture.Admin().GetAsync("/admin/contacts?limit=200")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength();
        await (await client.PostAsJsonAsync("/api/contact", new { name = "", email = "a@example.com", message = "Hi" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/contact", new { name = "Ann", email = "nope", message = "Hi" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/contact", new { name = "Ann", email = "a@example.com", message = new string('x', 4001) })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/contact", new { name = "Bot", email = "bot@example.com", message = "Buy", website = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "honeypot_filled");
        Assert.Equal(before, (await (await Fixture.Admin().GetAsync("/admin/contacts?limit=200")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());

        await (await client.PostAsJsonAsync("/api/contact", new { name = "Ann", email = "ann@example.com", message = "Do you do\nbus lines?" })).ReadJsonAsync(HttpStatusCode.Created);
        var listed = await (await Fixture.Admin().GetAsync("/admin/contacts?limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Do you do\nbus lines?", listed[0].GetProperty("message").GetString());
        await (await Fixture.Admin().GetAsync("/admin/contacts?limit=201")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Reviews_ShownOnlyOnceTheAdminApproves()
    {
        var client = Fixture.Anonymous();
        await (await client.PostAsJsonAsync("/api/reviews", new { name = "Ann", rating = 6, text = "Great" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var submitted = await (await client.PostAsJsonAsync("/api/reviews", new { name = "Ann", rating = 5, text = "Sold out in an hour." })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.False(submitted.GetProperty("approved").GetBoolean());
        var id = submitted.GetProperty("id").GetInt64();
        Assert.DoesNotContain((await (await client.GetAsync("/api/reviews")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);

        await (await Fixture.Admin().PostAsync($"/admin/reviews/{id}/approve", null)).ReadJsonAsync(HttpStatusCode.OK);
        var shown = await (await client.GetAsync("/api/reviews")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sold out in an hour.", shown.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id).GetProperty("text").GetString());

        await (await Fixture.Admin().PostAsync("/admin/reviews/999999/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound, "review_not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await Fixture.Admin().DeleteAsync($"/admin/reviews/{id}")).StatusCode);
        Assert.DoesNotContain((await (await client.GetAsync("/api/reviews")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
    }
}

public sealed class SqliteMarketingApiTests(SqliteOnboardingFixture fixture) : MarketingApiTests<SqliteOnboardingFixture>(fixture);

public sealed class PostgresMarketingApiTests(PostgresOnboardingFixture fixture) : MarketingApiTests<PostgresOnboardingFixture>(fixture);
