using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>
/// Seats with places and categories: the dashboard's generator seeds them, the demo draws rows and categories
/// and holds the best N seats of a category; the dashboard keeps seats for a sales channel and makes them public.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BestSeatsWebTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task Demo_BestTwoOfACategory_HeldTogetherAtTheCentreOfItsFirstRow()
    {
        await using var operatorBrowser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(operatorBrowser.Page);
        await admin.LogInAsync();
        var app = await admin.CreateAppAsync("Best Seats Hall");
        await admin.SeedAsync(app.AppId, "concert-1", rows: 5, perRow: 6); // rows A, B Front; C, D Middle; E Back
        await Expect(operatorBrowser.Page.Locator("#seed-map .legend.categories li")).ToHaveTextAsync(["Front · 40.00", "Middle · 30.00", "Back · 20.00"]);
        operatorBrowser.AssertNoScriptErrors();

        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@best.example", "concert-1");
        var shop = ann.Shop;
        var page = shop.Page;
        await shop.WaitUntilLiveAsync();
        await Expect(page.Locator("#seat-map .seat-row")).ToHaveCountAsync(5);
        await Expect(shop.Seat("C3")).ToHaveAttributeAsync("aria-label", "Seat C3, available, Middle, 30.00");

        await page.GetByLabel("Number of seats").FillAsync("2");
        await page.GetByLabel("Category").SelectOptionAsync("Middle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold the best seats" }).ClickAsync();

        await Expect(page.Locator("#hold-list li")).ToHaveTextAsync(["Seat C3 · 30.00", "Seat C4 · 30.00"]);
        await shop.ExpectSeatAsync("C3", "mine");
        await shop.ExpectSeatAsync("C4", "mine");
        await ann.Browser.AssertAccessibleAsync("demo best seats held");
        await ann.Browser.ScreenshotAsync("demo-best-seats");
        ann.Browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Dashboard_KeepSeatsForAChannel_ThenMakeOnePublic()
    {
        var app = await engine.CreateAppAsync("Channel Hall");
        await engine.SeedAsync(app.AppId, "gala-1", rows: 1, perRow: 6);
        await using var browser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(browser.Page);
        await admin.LogInAsync();
        var page = browser.Page;
        await page.GotoAsync("/admin#channels");
        await page.Locator("#channels-create").GetByLabel("App", new() { Exact = true }).SelectOptionAsync(app.AppId);
        await page.GetByLabel("New channel").FillAsync("box-office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create channel" }).ClickAsync();
        await Expect(page.Locator("#channels-key-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^chk_"));
        await Expect(page.Locator("#channels-list li")).ToHaveTextAsync(["box-office"]);

        await page.Locator("#channels-seats").GetByLabel("Entity id").FillAsync("gala-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show seats" }).ClickAsync();
        await Expect(page.Locator("#channels-map .seat")).ToHaveCountAsync(6);
        await page.Locator("#channels-map").GetByRole(AriaRole.Button, new() { Name = "Seat A1," }).ClickAsync();
        await page.Locator("#channels-map").GetByRole(AriaRole.Button, new() { Name = "Seat A2," }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep for the channel" }).ClickAsync();
        await Expect(page.Locator("#channels-summary li")).ToHaveTextAsync(["box-office: A1, A2"]);
        await browser.AssertAccessibleAsync("admin channels with kept seats");
        await browser.ScreenshotAsync("admin-channels");

        await page.Locator("#channels-map").GetByRole(AriaRole.Button, new() { Name = "Seat A1," }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make public" }).ClickAsync();
        await Expect(page.Locator("#channels-summary li")).ToHaveTextAsync(["box-office: A2"]);
        browser.AssertNoScriptErrors();
    }
}
