using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>axe-core on every main screen of both pages, as a person reaches them; the demo on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(Chromium chromium, SqliteWebEngine engine)
{
    private const int PhoneWidth = 375;

    [Fact]
    public async Task AdminScreens_AxeFindsNoViolations()
    {
        await using var browser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(browser.Page);
        await browser.Page.GotoAsync("/admin");
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync("admin login");
        await browser.ScreenshotAsync("admin-login");

        await admin.LogInAsync();
        var (appId, _) = await admin.CreateAppAsync("Accessible Arena");
        await browser.AssertAccessibleAsync("admin apps with a new key");

        await admin.SeedAsync(appId, "a11y-1", rows: 3, perRow: 8);
        await browser.AssertAccessibleAsync("admin seeding and seat map");

        await browser.Page.GotoAsync("/admin#bookings");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Show bookings" }).ClickAsync();
        await Expect(browser.Page.Locator("#bookings-page")).ToHaveTextAsync("Page 1");
        await browser.AssertAccessibleAsync("admin bookings");

        await browser.Page.GotoAsync("/admin#usage");
        await browser.Page.Locator("#usage-form").GetByLabel("App", new() { Exact = true }).SelectOptionAsync(appId);
        await Expect(browser.Page.Locator("[data-total='requests']")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync("admin usage");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(browser.Page.GetByText("You are logged out.")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task DemoScreens_AxeFindsNoViolations_AndFitAPhone()
    {
        var app = await engine.CreateAppAsync("Accessible Cinema");
        await engine.SeedAsync(app.AppId, "a11y-2", rows: 4, perRow: 12);
        await using var browser = await Visitor.OpenAsync(chromium, engine, width: PhoneWidth, height: 800);
        var shop = new DemoShop(browser.Page);

        await browser.Page.GotoAsync("/demo");
        await browser.AssertAccessibleAsync("demo app settings");
        await browser.ScreenshotAsync("phone-demo-settings");

        await shop.ConfigureAsync(app.AppId, app.ApiKey);
        await browser.AssertAccessibleAsync("demo sign up and log in");
        await shop.SignUpAsync("ann@a11y.example");
        await shop.OpenEventAsync("a11y-2");
        await browser.AssertAccessibleAsync("demo seat map");
        await AssertFitsAsync(browser.Page);
        await browser.ScreenshotAsync("phone-demo-seat-map");

        // Keyboard: into the map, along a row and down a row, then select with Enter, and the next seat with Space.
        await shop.Seat("A1").FocusAsync();
        await browser.Page.Keyboard.PressAsync("ArrowRight");
        await browser.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(shop.Seat("B2")).ToBeFocusedAsync();
        await browser.Page.Keyboard.PressAsync("Enter");
        await browser.Page.Keyboard.PressAsync("ArrowRight");
        await browser.Page.Keyboard.PressAsync(" ");
        await Expect(browser.Page.Locator("#selection-list li")).ToHaveTextAsync(["Seat B2 · 25.00 · available", "Seat B3 · 25.00 · available"]);
        await Expect(browser.Page.Locator("#selection-text")).ToHaveTextAsync("2 seats selected, 50.00 in total.");
        await browser.AssertAccessibleAsync("demo two seats selected");
        await shop.HoldButton.ClickAsync();
        await Expect(browser.Page.Locator("#hold-panel")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync("demo payment");
        await AssertFitsAsync(browser.Page);
        await browser.ScreenshotAsync("phone-demo-payment");

        await shop.FillCardAsync();
        await shop.PayButton.ClickAsync();
        await shop.ExpectBookedAsync("B2", "B3");
        await browser.AssertAccessibleAsync("demo my bookings");
        await browser.ScreenshotAsync("phone-demo-my-bookings");
        browser.AssertNoScriptErrors();
    }

    /// <summary>Nothing is wider than the screen: the page never scrolls sideways (the seat map may, inside itself).</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The page is wider than a phone's screen.");
}
