using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reservations.TestSupport;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>
/// The demo holds the seats a customer picks together (POST /reserve-seats): one countdown, extended
/// on request; paying starts the payment's grace, then books every seat with one payment.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupHoldTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task HoldThree_Extend_Pay_ThreeBookingsListed_AndSeatsBookedOnTheMap()
    {
        var app = await engine.CreateAppAsync("Family Cinema");
        await engine.SeedAsync(app.AppId, "family-1", rows: 2, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@family.example", "family-1");
        var shop = ann.Shop;
        var page = shop.Page;
        await shop.WaitUntilLiveAsync();

        await shop.SelectAsync("A2", "A3", "A4");
        await Expect(page.Locator("#selection-text")).ToHaveTextAsync("3 seats selected, 75.00 in total.");
        await Expect(shop.HoldButton).ToHaveTextAsync("Hold 3 seats");
        await shop.HoldSelectedAsync("A2", "A3", "A4");
        await Expect(page.Locator("#hold-list li")).ToHaveTextAsync(["Seat A2 · 25.00", "Seat A3 · 25.00", "Seat A4 · 25.00"]);
        await Expect(page.Locator("#hold-total")).ToHaveTextAsync("75.00");
        await Expect(page.Locator("#pay-amount")).ToHaveTextAsync("75.00");

        // The feed writes a change at most every 250 ms of real time, stamped with the engine's time
        // when written: a seat of this hold still on its way when the engine's clock moves would be
        // dated 80 s later, and the page would count those 80 s twice. Another customer's hold, seen
        // on this page, is written after them.
        await HoldAsAnotherCustomerAsync(app, "family-1", "B6");
        await shop.ExpectSeatAsync("B6", "held");

        // 80 s of the hold's 120 pass on both clocks; an extension adds 2 minutes to the end the engine keeps.
        var passed = TimeSpan.FromSeconds(80);
        engine.Time.Advance(passed);
        await ann.Browser.AdvanceClockAsync(passed);
        await Expect(shop.Countdown).ToHaveTextAsync(new Regex(@"^0:[34]\d$"));
        await shop.ExtendButton.ClickAsync();
        await Expect(shop.Countdown).ToHaveTextAsync(new Regex(@"^2:[34]\d$"));
        await Expect(page.Locator("#extend-note")).ToHaveTextAsync("Hold extended. 2 more extensions allowed.");
        await Expect(shop.ExtendButton).ToBeEnabledAsync();
        await ann.Browser.AssertAccessibleAsync("demo group hold, extended");
        await ann.Browser.ScreenshotAsync("group-held-extended");

        // Pay: the payment starts (the countdown shows its 10-minute grace), then the confirmation,
        // held back here until the paying state has been checked. A double click sends one.
        var confirmations = 0;
        var answerConfirmation = new TaskCompletionSource();
        await page.RouteAsync("**/confirm-booking", async route =>
        {
            Interlocked.Increment(ref confirmations);
            await answerConfirmation.Task;
            await route.ContinueAsync();
        });
        await shop.FillCardAsync();
        await shop.PayButton.DblClickAsync();
        await Expect(shop.Countdown).ToHaveTextAsync(new Regex(@"^(9:5\d|10:00)$"));
        await Expect(page.Locator("#countdown-note")).ToHaveTextAsync("Payment in progress: your seats are kept for it until the time runs out.");
        await Expect(shop.ExtendButton).ToBeDisabledAsync();
        await Expect(page.Locator("#extend-note")).ToHaveTextAsync("Payment has started: the hold is kept for the payment and is not extended.");
        await ann.Browser.ScreenshotAsync("group-paying");
        answerConfirmation.SetResult();

        await shop.ExpectBookedAsync("A2", "A3", "A4");
        await Expect(shop.Message).ToHaveTextAsync("Booked: seats A2, A3 and A4 (75.00 in total).");
        foreach (var seat in new[] { "A2", "A3", "A4" })
        {
            await shop.ExpectSeatAsync(seat, "booked");
        }

        await ann.Browser.AssertAccessibleAsync("demo group booked");
        await ann.Browser.ScreenshotAsync("group-booked");
        Assert.Equal(1, confirmations);
        var bookings = await engine.BookingsAsync(app.AppId);
        Assert.Equal(["A2", "A3", "A4"], bookings.Select(b => b.GetProperty("seatNumber").GetString()).Order());
        Assert.Single(bookings.Select(b => b.GetProperty("paymentId").GetString()).Distinct());
        ann.Browser.AssertNoScriptErrors();
    }

    private async Task HoldAsAnotherCustomerAsync((string AppId, string ApiKey) app, string entityId, string seatNumber)
    {
        using var anonymous = engine.Tenant(app);
        using var signup = await anonymous.PostAsJsonAsync("/auth/signup", new { email = $"other-{seatNumber}@{entityId}.example", password = DemoShop.Password, name = "Other" });
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var token = (await signup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var listing = await anonymous.GetFromJsonAsync<JsonElement>($"/seats?entityId={entityId}");
        var seatId = listing.GetProperty("seats").EnumerateArray().Single(seat => seat.GetProperty("seatNumber").GetString() == seatNumber).GetProperty("seatId").GetString();
        using var customer = engine.Tenant(app, token);
        using var held = await customer.PostAsJsonAsync("/reserve-seat", new { seatId });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
    }

    [Fact]
    public async Task GroupRequest_OneSeatJustTaken_PageNamesIt_NothingHeld_SelectionChangedHeldAndGivenBack()
    {
        var app = await engine.CreateAppAsync("Taken Hall");
        await engine.SeedAsync(app.AppId, "taken-1", rows: 2, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@taken.example", "taken-1");
        await using var bob = await Customer.ArriveAsync(chromium, engine, app, "bob@taken.example", "taken-1");
        await ann.Shop.WaitUntilLiveAsync();
        await bob.Shop.WaitUntilLiveAsync();

        await bob.Shop.SelectAsync("A1", "A2", "A3");
        await ann.Shop.HoldAsync("A2");
        await bob.Shop.ExpectSeatAsync("A2", "held");
        await bob.Shop.HoldButton.ClickAsync();

        await Expect(bob.Shop.Message).ToHaveTextAsync(
            "Seat A2 was just taken by someone else, so none of your seats is held. Change your selection and try again.");
        await Expect(bob.Shop.Page.Locator("#hold-panel")).ToBeHiddenAsync();
        await Expect(bob.Shop.Page.Locator("#selection-list li")).ToHaveTextAsync(
            ["Seat A1 · 25.00 · available", "Seat A2 · 25.00 · held by someone else", "Seat A3 · 25.00 · available"]);
        await Expect(bob.Shop.HoldButton).ToBeEnabledAsync();
        await bob.Shop.ExpectSeatAsync("A1", "available");
        await bob.Shop.ExpectSeatAsync("A3", "available");
        await Eventually.ReturnsAsync(
            () => engine.SeatStatusesAsync(app, "taken-1"),
            seats => seats["A1"] == "available" && seats["A2"] == "held" && seats["A3"] == "available",
            "the engine holds none of bob's seats, only ann's A2");
        await bob.Browser.AssertAccessibleAsync("demo group refused, one seat taken");
        await bob.Browser.ScreenshotAsync("group-seat-taken");

        // Bob changes the selection: A2 out, A4 in; the three are held together.
        await bob.Shop.Seat("A2").ClickAsync();
        await Expect(bob.Shop.Seat("A2")).ToHaveAttributeAsync("aria-pressed", "false");
        await bob.Shop.SelectAsync("A4");
        await bob.Shop.HoldSelectedAsync("A1", "A3", "A4");
        foreach (var seat in new[] { "A1", "A3", "A4" })
        {
            await bob.Shop.ExpectSeatAsync(seat, "mine");
            await ann.Shop.ExpectSeatAsync(seat, "held");
        }

        // Giving them back frees all three, in both browsers.
        await bob.Shop.Page.GetByRole(AriaRole.Button, new() { Name = "Give the seats back" }).ClickAsync();
        await Expect(bob.Shop.Message).ToHaveTextAsync("Seats A1, A3 and A4 are back on sale.");
        foreach (var seat in new[] { "A1", "A3", "A4" })
        {
            await bob.Shop.ExpectSeatAsync(seat, "available");
            await ann.Shop.ExpectSeatAsync(seat, "available");
        }

        ann.Browser.AssertNoScriptErrors();
        bob.Browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task TenSeats_TheMostOneHoldTakes_SaidSo_ExtendedUntilTheLimit_ButtonDisabledWithTheReason()
    {
        var app = await engine.CreateAppAsync("Party Hall");
        await engine.SeedAsync(app.AppId, "party-1", rows: 2, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@party.example", "party-1");
        var shop = ann.Shop;
        var page = shop.Page;
        string[] party = ["A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4"];

        await shop.SelectAsync(party);
        await Expect(page.Locator("#selection-limit")).ToHaveTextAsync("That is the most one hold can take: 10 seats.");
        await shop.Seat("B5").ClickAsync();
        await Expect(shop.Message).ToHaveTextAsync("One hold takes at most 10 seats. Unselect one to pick seat B5.");
        await Expect(shop.Seat("B5")).ToHaveAttributeAsync("aria-pressed", "false");
        await ann.Browser.AssertAccessibleAsync("demo ten seats selected");
        await ann.Browser.ScreenshotAsync("group-ten-seats-selected");

        await shop.HoldSelectedAsync(party);
        await Expect(page.Locator("#hold-total")).ToHaveTextAsync("250.00");
        foreach (var (countdown, note) in new[]
        {
            (@"^[34]:\d\d$", "Hold extended. 2 more extensions allowed."),
            (@"^[56]:\d\d$", "Hold extended. 1 more extension allowed."),
            (@"^[78]:\d\d$", "Hold extended. No more extensions: this hold has had as many as allowed."),
        })
        {
            await shop.ExtendButton.ClickAsync();
            await Expect(page.Locator("#extend-note")).ToHaveTextAsync(note);
            await Expect(shop.Countdown).ToHaveTextAsync(new Regex(countdown));
        }

        await Expect(shop.ExtendButton).ToBeDisabledAsync();
        await Expect(shop.ExtendButton).ToHaveAccessibleDescriptionAsync("Hold extended. No more extensions: this hold has had as many as allowed.");
        await ann.Browser.AssertAccessibleAsync("demo extension limit reached");
        await ann.Browser.ScreenshotAsync("group-extension-limit");
        ann.Browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ExtendedElsewhereToTheLimit_EngineRefuses_ButtonDisabledWithItsDetail()
    {
        var app = await engine.CreateAppAsync("Two Tabs Hall");
        await engine.SeedAsync(app.AppId, "tabs-1", rows: 1, perRow: 6);
        await using var ann = await Customer.ArriveAsync(chromium, engine, app, "ann@tabs.example", "tabs-1");
        var shop = ann.Shop;
        var page = shop.Page;

        await shop.SelectAsync("A1", "A2");
        var granted = await page.RunAndWaitForResponseAsync(() => shop.HoldButton.ClickAsync(), "**/reserve-seats");
        var reservationToken = (await granted.JsonAsync())!.Value.GetProperty("reservationToken").GetString();
        await Expect(page.Locator("#hold-panel")).ToBeVisibleAsync();

        // The same customer's other tab (here: the API with the same login) uses every extension.
        var userToken = await page.EvaluateAsync<string>("appId => JSON.parse(localStorage.getItem('reservations.demo.user.' + appId)).token", app.AppId);
        using var otherTab = engine.Tenant(app, userToken);
        for (var i = 0; i < 3; i++)
        {
            using var extended = await otherTab.PostAsJsonAsync("/extend-hold", new { reservationToken });
            Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        }

        await shop.ExtendButton.ClickAsync();
        const string Refusal = "This hold cannot be extended again: it reached the most extensions or the longest total hold.";
        await Expect(page.Locator("#extend-note")).ToHaveTextAsync(Refusal);
        await Expect(shop.ExtendButton).ToBeDisabledAsync();
        await Expect(shop.ExtendButton).ToHaveAccessibleDescriptionAsync(Refusal);
        await Expect(page.Locator("#hold-panel")).ToBeVisibleAsync();
        await ann.Browser.AssertAccessibleAsync("demo extension refused by the engine");
        await ann.Browser.ScreenshotAsync("group-extension-refused");

        // The hold is still the customer's: paying books both seats.
        await shop.FillCardAsync();
        await shop.PayButton.ClickAsync();
        await shop.ExpectBookedAsync("A1", "A2");
        ann.Browser.AssertNoScriptErrors();
    }
}
