using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>The dashboard's app editing, its error messages and its session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminDashboardTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task Apps_RenameEditDomainsDisableEnable_ShownAsSaved_AndErrorsAsTheirMessage()
    {
        await using var browser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(browser.Page);
        await admin.LogInAsync();
        var (appId, _) = await admin.CreateAppAsync("Old Name");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Expect(browser.Page.Locator("#new-key")).ToBeHiddenAsync();

        var app = admin.App(appId);
        await app.GetByText("Edit name and allowed domains").ClickAsync();
        await app.GetByLabel("Name").FillAsync("New Name");
        await app.GetByLabel("Allowed domains (one per line)").FillAsync("https://shop.example\nbox.example");
        await app.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Heading, new() { Name = "New Name" })).ToBeVisibleAsync();
        await Expect(app).ToContainTextAsync("Allowed domains: https://shop.example, box.example");

        await app.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(app.GetByText("Disabled", new() { Exact = true })).ToBeVisibleAsync();
        await app.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(app.GetByText("Enabled", new() { Exact = true })).ToBeVisibleAsync();

        await app.GetByText("Edit name and allowed domains").ClickAsync();
        await app.GetByLabel("Allowed domains (one per line)").FillAsync("not a domain/with/path");
        await app.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(browser.Page.Locator("#apps-error")).ToHaveTextAsync(
            "every allowedDomains entry must be an origin (https://shop.example) or a host name (shop.example).");
        await browser.ScreenshotAsync("admin-apps-error-message");
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task RefusedToken_SendsTheAdminBackToLogin_WithAMessage()
    {
        await using var browser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(browser.Page);
        await admin.LogInAsync();

        // As a token the engine no longer accepts (expired, or signed with a rotated key).
        await browser.Page.EvaluateAsync(
            "() => sessionStorage.setItem('reservations.admin.session', JSON.stringify({ token: 'forged', expiresAt: '2999-01-01T00:00:00Z' }))");
        await browser.Page.GotoAsync("/admin#bookings");

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Expect(browser.Page.Locator("#flash")).ToHaveTextAsync("Your session has ended or the token was refused. Log in again.");
        await admin.LogInAsync();
        browser.AssertNoScriptErrors();
    }
}
