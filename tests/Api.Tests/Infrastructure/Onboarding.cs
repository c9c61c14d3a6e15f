using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>A business going through onboarding over HTTP: the request form, the link, the wizard's steps.</summary>
public static class Onboarding
{
    public static object Request(string email, string name = "Ann's Events") =>
        new { name, email, phone = "+31 6 1234 5678", eventType = "Concert", eventDate = "2026-06-30", message = "Two shows a week." };

    /// <summary>The answers of steps 1 to 9 for an event app with one entity of <paramref name="seats"/> seats.</summary>
    public static IReadOnlyDictionary<int, object> Answers(string email, int seats = 3) => new Dictionary<int, object>
    {
        [1] = new { acceptTerms = true },
        [2] = new { businessName = "Ann's Events", contactName = "Ann Example", email, phone = "+31 6 1234 5678" },
        [3] = new { domain = "EVENT", entities = new[] { new { entityId = "summer-show", name = "Summer show", items = Enumerable.Range(1, seats).Select(i => $"A{i}").ToArray() } } },
        [4] = new { bundles = new[] { new { name = "Front pair", items = new[] { "A1", "A2" } } } },
        [5] = new { currency = "eur", defaultPrice = 25m, prices = new[] { new { item = "A1", price = 40m } } },
        [6] = new { confirmation = "MANUAL", webhookUrl = (string?)null },
        [7] = new { members = new[] { new { name = "Bob Crew", email = "bob@example.com", role = "staff" } } },
        [8] = new { allowedDomains = new[] { "https://tickets.anns.example" }, holdSeconds = 120 },
        [9] = new { confirmed = true },
    };

    /// <summary>Posts a booking request; returns its id and the link's token.</summary>
    public static async Task<(long BookingId, string Token)> RequestAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/api/bookings", Request(email));
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(body.GetProperty("success").GetBoolean());
        var url = new Uri(body.GetProperty("onboardingUrl").GetString()!);
        return (body.GetProperty("bookingId").GetInt64(), TokenOf(url));
    }

    public static string TokenOf(Uri link) => System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

    public static Task<HttpResponseMessage> SaveStepAsync(HttpClient client, string token, int step, object answers) =>
        client.PutAsJsonAsync($"/api/onboarding/steps/{step}", new { token, answers });

    /// <summary>Saves steps 1 to 9, each answered 200.</summary>
    public static async Task WalkAsync(HttpClient client, string token, string email, int seats = 3)
    {
        foreach (var (step, answers) in Answers(email, seats))
        {
            using var response = await SaveStepAsync(client, token, step, answers);
            await response.ReadJsonAsync(HttpStatusCode.OK);
        }
    }

    public static async Task<JsonElement> CompleteAsync(HttpClient client, string token)
    {
        using var response = await client.PostAsJsonAsync("/api/onboarding/complete", new { token });
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }
}
