using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>What the demo must get right when things go wrong: a rotated key, an impatient customer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoSafetyTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task KeyRotation_OldKeyOnDemo_ClearErrorUntilTheNewKeyIsEntered()
    {
        var app = await engine.CreateAppAsync("Rotating Cinema");
        await engine.SeedAsync(app.AppId, "rotate-1", rows: 1, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@rotate.example", "rotate-1");

        await using var operatorBrowser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(operatorBrowser.Page);
        await admin.LogInAsync();
        var newKey = await admin.RotateKeyAsync(app.AppId);
        Assert.NotEqual(app.ApiKey, newKey);

        await ann.Shop.Page.ReloadAsync();
        await Expect(ann.Shop.Notice).ToHaveTextAsync(
            "This app's key was refused. If the key was rotated, enter the new key under App settings.");
        await Expect(ann.Shop.Page.GetByLabel("API key")).ToBeFocusedAsync();
        await ann.Browser.ScreenshotAsync("key-rotation-refused");

        await ann.Shop.Page.GetByLabel("API key").FillAsync(newKey);
        await ann.Shop.Page.GetByRole(AriaRole.Button, new() { Name = "Save app settings" }).ClickAsync();
        await Expect(ann.Shop.Notice).ToHaveTextAsync("App settings saved.");
        await ann.Shop.OpenEventAsync("rotate-1");
        await ann.Shop.HoldAsync("A1");

        ann.Browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Pay_DoubleClickTripleClickAndRepeatedSubmits_OneBookingEach()
    {
        var app = await engine.CreateAppAsync("Impatient Theatre");
        await engine.SeedAsync(app.AppId, "pay-1", rows: 1, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@pay.example", "pay-1");
        var shop = ann.Shop;

        await shop.HoldAsync("A1");
        await shop.FillCardAsync();
        await shop.PayButton.DblClickAsync();
        await shop.ExpectBookedAsync("A1");

        await shop.HoldAsync("A2");
        await shop.FillCardAsync();
        await shop.PayButton.ClickAsync(new LocatorClickOptions { ClickCount = 3 });
        await shop.ExpectBookedAsync("A2");

        // Faster than any mouse: five submits in one task, before the first answer can arrive.
        await shop.HoldAsync("A3");
        await shop.FillCardAsync();
        await shop.Page.EvaluateAsync("() => { const form = document.getElementById('pay-form'); for (let i = 0; i < 5; i++) form.requestSubmit(); }");
        await shop.ExpectBookedAsync("A3");
        await ann.Browser.ScreenshotAsync("pay-repeated-one-booking-each");

        var bookings = await engine.BookingsAsync(app.AppId);
        Assert.Equal(["A1", "A2", "A3"], bookings.Select(b => b.GetProperty("seatNumber").GetString()).Order());
        Assert.Equal(3, bookings.Select(b => b.GetProperty("paymentId").GetString()).Distinct().Count());
        await Expect(shop.Page.Locator("#mine-rows tr")).ToHaveCountAsync(3);

        ann.Browser.AssertNoScriptErrors();
    }
}
