using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>The Apps view issues an app's publishable key, secret key and signing secret, each shown once, and saves who may confirm.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAppKeysTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task Apps_IssueEachSecret_ShownOnceWithItsName_AndConfirmationSaved()
    {
        await using var browser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(browser.Page);
        await admin.LogInAsync();
        var (appId, _) = await admin.CreateAppAsync("Keys Shop");
        var panel = browser.Page.Locator("#new-key");
        var app = admin.App(appId);
        await Expect(app).ToContainTextAsync("Issued besides the app's key: nothing");

        foreach (var (label, prefix) in new[] { ("publishable key", "pk_live_"), ("secret key", "sk_server_"), ("signing secret", "whsec_") })
        {
            await app.GetByRole(AriaRole.Button, new() { Name = $"New {label}" }).ClickAsync();
            await app.GetByRole(AriaRole.Button, new() { Name = "Issue now" }).ClickAsync();
            await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = $"New {label}" })).ToBeVisibleAsync();
            await Expect(panel.GetByLabel(label, new() { Exact = false })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{prefix}"));
            await Expect(panel.GetByLabel("App id")).ToHaveValueAsync(appId);
            if (prefix == "sk_server_")
            {
                await browser.ScreenshotAsync("admin-apps-secret-key");
            }

            await panel.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
            await Expect(panel).ToBeHiddenAsync();
        }

        await Expect(app).ToContainTextAsync("Issued besides the app's key: publishable key, secret key, signing secret");
        await app.GetByText("Edit name and allowed domains").ClickAsync();
        await app.GetByLabel("Who may confirm bookings").SelectOptionAsync("signed");
        await app.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(app).ToContainTextAsync("Confirmation: signed.");
        await browser.ScreenshotAsync("admin-apps-confirmation");
        browser.AssertNoScriptErrors();
    }
}
