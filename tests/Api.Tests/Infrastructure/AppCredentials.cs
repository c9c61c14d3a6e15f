using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reservations.Grains.Webhooks;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Issues an app's publishable and secret keys and its signing secret, and signs payment notifications as a tenant's server would.</summary>
public static class AppCredentials
{
    public static async Task<string> IssueAsync(this ApiFixture fixture, TestApp app, string credential)
    {
        var (path, member) = credential switch
        {
            "publishable" => ("rotate-publishable-key", "publishableKey"),
            "secret" => ("rotate-secret-key", "secretKey"),
            "signing" => ("rotate-signing-secret", "signingSecret"),
            _ => ("rotate-key", "apiKey"),
        };
        var body = await (await fixture.Admin().PostAsync($"/admin/apps/{app.AppId}/{path}", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(app.AppId, body.GetProperty("appId").GetString());
        return body.GetProperty(member).GetString()!;
    }

    public static Task<HttpResponseMessage> SetConfirmationAsync(this ApiFixture fixture, TestApp app, string confirmation) =>
        fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { confirmation });

    /// <summary>A payment notification as a tenant's server sends it: Standard Webhooks headers over the body.</summary>
    public static HttpRequestMessage Notification(string appId, string secret, string body, DateTimeOffset at, string? notificationId = null, string? signature = null)
    {
        var id = notificationId ?? $"msg_{Guid.NewGuid():N}";
        var timestamp = at.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/payment-notifications") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-app-id", appId);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature ?? WebhookSigner.Sign(secret, id, timestamp, body));
        return request;
    }

    public static string PaymentBody(string reservationToken, string paymentId) =>
        $"{{\"reservationToken\":\"{reservationToken}\",\"paymentId\":\"{paymentId}\"}}";
}
