using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>
/// Two customers on one event, each in a browser of their own whose clock is off from the server's
/// by a different amount: the seat map follows the engine live, and holds run out by the server's time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveSeatMapTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task Race_TwoCustomersOneSeat_OneHoldsTheOtherSeesItHeldLiveAndIsTold()
    {
        var app = await engine.CreateAppAsync("Race Hall");
        await engine.SeedAsync(app.AppId, "race-1", rows: 2, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@race.example", "race-1");
        await using var bob = await Customer.ArriveAsync(chromium, engine, app, "bob@race.example", "race-1");
        await ann.Shop.WaitUntilLiveAsync();
        await bob.Shop.WaitUntilLiveAsync();

        await bob.Shop.Seat("A3").ClickAsync();
        await ann.Shop.HoldAsync("A3");

        await bob.Shop.ExpectSeatAsync("A3", "held");
        await Expect(bob.Shop.Seat("A3")).ToHaveAttributeAsync("aria-label", "Seat A3, held by someone else, 25.00");
        await bob.Browser.ScreenshotAsync("race-seat-turned-held-live");
        await bob.Shop.HoldButton.ClickAsync();
        await Expect(bob.Shop.Message).ToHaveTextAsync("Seat A3 was just taken by someone else. Pick another seat.");
        await bob.Browser.ScreenshotAsync("race-loser-told");

        ann.Browser.AssertNoScriptErrors();
        bob.Browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Expiry_CountdownEnds_HoldLostAndSeatFreesInBothBrowsers()
    {
        var app = await engine.CreateAppAsync("Expiry Hall");
        await engine.SeedAsync(app.AppId, "expiry-1", rows: 2, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@expiry.example", "expiry-1", skew: TimeSpan.FromMinutes(7));
        await using var bob = await Customer.ArriveAsync(chromium, engine, app, "bob@expiry.example", "expiry-1", skew: -TimeSpan.FromHours(1));
        await ann.Shop.WaitUntilLiveAsync();
        await bob.Shop.WaitUntilLiveAsync();

        await ann.Shop.HoldAsync("B2");
        await bob.Shop.ExpectSeatAsync("B2", "held");

        // The hold lasts 120 s of the server's time: move both browsers and the server past it. The
        // browsers first: a seat event sent after the server moved carries its new time, and a browser
        // moved after receiving it would count the same 121 s twice.
        var pastExpiry = WebEngine.HoldDuration + TimeSpan.FromSeconds(1);
        await ann.Browser.AdvanceClockAsync(pastExpiry);
        await bob.Browser.AdvanceClockAsync(pastExpiry);
        engine.Time.Advance(pastExpiry);

        await Expect(ann.Shop.Message).ToContainTextAsync("Your hold on seat B2 ran out before payment, so the seat is free again.");
        await Expect(ann.Shop.Page.Locator("#hold-panel")).ToBeHiddenAsync();
        await Expect(ann.Shop.HoldButton).ToBeEnabledAsync();
        await ann.Shop.ExpectSeatAsync("B2", "available");
        await bob.Shop.ExpectSeatAsync("B2", "available");
        await ann.Browser.ScreenshotAsync("expiry-hold-lost");

        // The engine agrees: the seat can be held again.
        await bob.Shop.HoldAsync("B2");
        await ann.Shop.ExpectSeatAsync("B2", "held");

        ann.Browser.AssertNoScriptErrors();
        bob.Browser.AssertNoScriptErrors();
    }
}
