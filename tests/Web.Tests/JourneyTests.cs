using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>
/// The whole product in one story: the operator creates an app and seeds seats on /admin; a
/// customer books on /demo; the operator finds the booking and the usage it caused.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class JourneyTests(Chromium chromium, WebEngine engine)
{
    protected abstract string Storage { get; }

    [Fact]
    public async Task Journey_AdminSeedsCustomerBooks_AdminSeesBookingAndUsage()
    {
        await using var operatorBrowser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(operatorBrowser.Page);
        await admin.LogInAsync();

        var (appId, apiKey) = await admin.CreateAppAsync("Demo Cinema");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Copy key" }).ClickAsync();
        await Expect(admin.Page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        Assert.Equal(apiKey, await admin.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(admin.App(appId)).ToContainTextAsync("Demo Cinema");
        await operatorBrowser.ScreenshotAsync($"{Storage}-admin-apps-new-key");

        await admin.SeedAsync(appId, "film-1", rows: 5, perRow: 12);
        await Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Seat A1, available, Front, 40.00" })).ToBeVisibleAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Seat E12, available, Back, 20.00" })).ToBeVisibleAsync();
        await operatorBrowser.ScreenshotAsync($"{Storage}-admin-seed");

        await using var customerBrowser = await Visitor.OpenAsync(chromium, engine);
        var shop = new DemoShop(customerBrowser.Page);
        await shop.ConfigureAsync(appId, apiKey);
        await shop.SignUpAsync("ann@example.com");
        await shop.OpenEventAsync("film-1");
        await customerBrowser.ScreenshotAsync($"{Storage}-demo-seat-map");

        await shop.HoldAsync("C5");
        await shop.FillCardAsync();
        await customerBrowser.ScreenshotAsync($"{Storage}-demo-payment");
        await shop.PayButton.ClickAsync();
        await shop.ExpectBookedAsync("C5");
        await shop.ExpectSeatAsync("C5", "booked");
        await customerBrowser.ScreenshotAsync($"{Storage}-demo-my-bookings");

        await admin.Page.GotoAsync("/admin#bookings");
        var filters = admin.Page.Locator("#bookings-filter");
        await filters.GetByLabel("App", new() { Exact = true }).SelectOptionAsync(appId);
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show bookings" }).ClickAsync();
        var row = admin.Page.Locator("#bookings-rows tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("film-1");
        await Expect(row).ToContainTextAsync("C5");
        await filters.GetByLabel("Entity").FillAsync("film-1");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show bookings" }).ClickAsync();
        await Expect(row).ToContainTextAsync("C5");
        await operatorBrowser.ScreenshotAsync($"{Storage}-admin-bookings");
        await filters.GetByLabel("Entity").FillAsync("film-2");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show bookings" }).ClickAsync();
        await Expect(row).ToHaveTextAsync("No bookings match these filters.");

        await admin.Page.GotoAsync("/admin#usage");
        await admin.Page.Locator("#usage-form").GetByLabel("App", new() { Exact = true }).SelectOptionAsync(appId);
        await Expect(admin.Page.Locator("[data-total='confirmations']")).ToHaveTextAsync("1");
        await Expect(admin.Page.Locator("[data-total='holdsGranted']")).ToHaveTextAsync("1");
        await operatorBrowser.ScreenshotAsync($"{Storage}-admin-usage");

        operatorBrowser.AssertNoScriptErrors();
        customerBrowser.AssertNoScriptErrors();
    }
}

public sealed class SqliteJourneyTests(Chromium chromium, SqliteWebEngine engine) : JourneyTests(chromium, engine)
{
    protected override string Storage => "sqlite";
}

public sealed class PostgresJourneyTests(Chromium chromium, PostgresWebEngine engine) : JourneyTests(chromium, engine), IClassFixture<PostgresWebEngine>
{
    protected override string Storage => "postgres";
}
