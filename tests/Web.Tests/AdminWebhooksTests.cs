using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>
/// The dashboard's webhooks view: register a batching endpoint (its secret shown once), see a delivery to a
/// receiver that is down with its failed attempt, replay it, rotate the secret, remove the endpoint.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminWebhooksTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task RegisterSeeFailedDeliveryReplayRotateRemove()
    {
        var app = await engine.CreateAppAsync("Hooked Hall");
        await engine.SeedAsync(app.AppId, "hooked-1", rows: 1, perRow: 2);
        var downUrl = $"http://127.0.0.1:{UnusedPort()}/hooks";
        await using var browser = await Visitor.OpenAsync(chromium, engine);
        var page = browser.Page;
        var admin = new AdminDashboard(page);
        await admin.LogInAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await page.Locator("#webhooks-form").GetByLabel("App", new() { Exact = true }).SelectOptionAsync(app.AppId);
        await Expect(page.GetByText("This app has no webhook endpoint.")).ToBeVisibleAsync();
        await page.GetByLabel("URL").FillAsync(downUrl);
        await page.GetByLabel("hold.expired").CheckAsync();
        await page.GetByLabel("Batch: up to 100 events").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register endpoint" }).ClickAsync();
        var secretPanel = page.Locator("#new-secret");
        await Expect(secretPanel).ToBeVisibleAsync();
        await Expect(secretPanel).ToContainTextAsync("you will not see it again");
        var secret = await secretPanel.GetByLabel(new System.Text.RegularExpressions.Regex("^Secret of")).InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        var endpoint = page.Locator("#endpoints-list li");
        await Expect(endpoint).ToContainTextAsync("booking.confirmed, hold.expired · batched");
        await Expect(page.GetByLabel("Batch: up to 100 events")).Not.ToBeCheckedAsync();
        await browser.AssertAccessibleAsync("admin webhooks with a new secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();

        await BookASeatAsync(app);
        await endpoint.GetByRole(AriaRole.Button, new() { Name = "Deliveries" }).ClickAsync();
        var row = page.Locator("#deliveries-rows tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("booking.confirmed");
        await Expect(row).ToContainTextAsync("pending");
        await row.GetByText("1 attempt").ClickAsync();
        await Expect(row.Locator("li")).ToContainTextAsync("#1");
        await browser.AssertAccessibleAsync("admin webhook deliveries");
        await browser.ScreenshotAsync("admin-webhooks");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Replay booking.confirmed") }).ClickAsync();
        await Expect(page.Locator("#webhooks-error")).ToContainTextAsync("will be sent again");
        await endpoint.GetByRole(AriaRole.Button, new() { Name = "Deliveries" }).ClickAsync();
        await row.GetByText("2 attempts").ClickAsync();

        await endpoint.GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
        await Expect(secretPanel).ToBeVisibleAsync();
        Assert.NotEqual(secret, await secretPanel.GetByLabel(new System.Text.RegularExpressions.Regex("^Secret of")).InputValueAsync());

        await endpoint.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await endpoint.GetByRole(AriaRole.Button, new() { Name = "Remove now" }).ClickAsync();
        await Expect(page.GetByText("This app has no webhook endpoint.")).ToBeVisibleAsync();
        await Expect(page.Locator("#deliveries")).ToBeHiddenAsync();
        browser.AssertNoScriptErrors();
    }

    private async Task BookASeatAsync((string AppId, string ApiKey) app)
    {
        using var anonymous = engine.Tenant(app);
        using var signup = await anonymous.PostAsJsonAsync("/auth/signup", new { email = "hook-buyer@example.com", password = "buyer-password-1", name = "Buyer" });
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        using var user = engine.Tenant(app, (await signup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var seats = await user.GetFromJsonAsync<JsonElement>("/seats?entityId=hooked-1");
        var seatId = seats.GetProperty("seats")[0].GetProperty("seatId").GetString();
        using var hold = await user.PostAsJsonAsync("/reserve-seat", new { seatId });
        var token = (await hold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reservationToken").GetString();
        using var confirm = await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-hook" });
        Assert.Equal(HttpStatusCode.Created, confirm.StatusCode);
    }

    /// <summary>A port nothing listens on: the receiver is down.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
