using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests.Onboarding;

/// <summary>The public forms' limits per client address and per e-mail address: 429 problem+json with Retry-After, nothing stored.</summary>
public sealed class PublicFormLimitTests(PublicFormLimitTests.Fixture fixture) : IClassFixture<PublicFormLimitTests.Fixture>
{
    public sealed class Fixture() : OnboardingFixture(new SqliteEngineStorage())
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
        {
            ["Onboarding:FormPermitsPerAddress"] = "4",
            ["Onboarding:FormPermitsPerEmail"] = "2",
        };
    }

    [Fact]
    public async Task Bookings_PastTheEmailAndThenTheAddressLimit_429AndNotStored()
    {
        var client = fixture.Anonymous();
        await PostAsync(client, "same@example.com", HttpStatusCode.Created);
        await PostAsync(client, "same@example.com", HttpStatusCode.Created);
        using (var third = await client.PostAsJsonAsync("/api/bookings", Infrastructure.Onboarding.Request("SAME@example.com")))
        {
            await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
            Assert.Contains("e-mail address", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await PostAsync(client, "other@example.com", HttpStatusCode.Created);
        using var fifth = await client.PostAsJsonAsync("/api/bookings", Infrastructure.Onboarding.Request("another@example.com"));
        await fifth.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.True(fifth.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var listed = await (await fixture.Admin().GetAsync("/admin/onboarding/requests")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, listed.GetProperty("items").GetArrayLength());
    }

    private static async Task PostAsync(HttpClient client, string email, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync("/api/bookings", Infrastructure.Onboarding.Request(email));
        await response.ReadJsonAsync(expected);
    }
}
