using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reservations.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests;

/// <summary>
/// Issue 10 in a real browser: the marketing page's booking request, the link from the admin's
/// outbox, the ten wizard steps, and the new app selling its first seat on /demo.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OnboardingTests(Chromium chromium, SqliteWebEngine engine)
{
    [Fact]
    public async Task Onboarding_RequestFormToLiveApp_TheNewAppSellsItsFirstSeat()
    {
        var email = $"gala-{Guid.NewGuid():N}@example.com";
        await using var business = await Visitor.OpenAsync(chromium, engine);
        var page = business.Page;

        await page.GotoAsync("/start");
        await Expect(page.Locator("#packages > li")).ToHaveCountAsync(3);
        await business.AssertAccessibleAsync("marketing page");
        await page.GetByLabel("Your name or business").FillAsync("Gala Nights");
        await page.GetByLabel("Email").First.FillAsync(email);
        await page.GetByLabel("Phone").FillAsync("+31 20 123 4567");
        await page.GetByLabel("Kind of event").FillAsync("Gala");
        await page.GetByLabel("First event date").FillAsync("2026-09-12");
        await business.ScreenshotAsync("start-booking-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send booking request" }).ClickAsync();
        await Expect(page.GetByText("Booking request received.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Continue to onboarding" })).ToHaveAttributeAsync("href", new Regex("/onboarding\\?token="));

        // No mail server here: the operator finds the link in the outbox.
        await using var operatorBrowser = await Visitor.OpenAsync(chromium, engine);
        var admin = new AdminDashboard(operatorBrowser.Page);
        await admin.LogInAsync();
        await operatorBrowser.Page.GotoAsync("/admin#onboarding");
        var request = operatorBrowser.Page.Locator("#requests-rows tr").Filter(new() { HasText = email });
        await Expect(request).ToContainTextAsync("link sent");
        var mail = operatorBrowser.Page.Locator("#outbox-rows tr").Filter(new() { HasText = email });
        await mail.GetByText("Show message").ClickAsync();
        var body = await mail.Locator("pre").InnerTextAsync();
        await business.AssertAccessibleAsync("marketing page after the request");
        await operatorBrowser.AssertAccessibleAsync("admin onboarding");
        await operatorBrowser.ScreenshotAsync("admin-onboarding-outbox");
        var link = LinkPattern().Match(body).Value;
        Assert.StartsWith(engine.BaseAddress.ToString().TrimEnd('/'), link, StringComparison.Ordinal);

        await page.GotoAsync(link);
        var wizard = new OnboardingWizard(page);
        await wizard.ExpectAtAsync(1);
        await business.ScreenshotAsync("onboarding-1-welcome");
        await wizard.Step(1).GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(wizard.Error(1)).ToHaveTextAsync("Step 1: acceptTerms must be true: agree to the terms of service to continue.");
        await wizard.Step(1).GetByLabel("I agree to the terms of service").CheckAsync();
        await wizard.SaveAsync(1, 2);

        await Expect(wizard.Step(2).GetByLabel("Business name")).ToHaveValueAsync("Gala Nights");
        await Expect(wizard.Step(2).GetByLabel("Email")).ToHaveValueAsync(email);
        await Expect(wizard.Step(2).GetByLabel("Phone")).ToHaveValueAsync("+31 20 123 4567");
        await business.AssertAccessibleAsync("wizard step 2");
        await business.ScreenshotAsync("onboarding-2-business-prefilled");
        await wizard.FillAsync(2, "Your name", "Gina Gala");
        await wizard.SaveAsync(2, 3);

        await wizard.FillAsync(3, "Its id", "summer-gala");
        await wizard.FillAsync(3, "Seats or items", "A1 A2 A3 A4");
        await business.AssertAccessibleAsync("wizard step 3");
        await business.ScreenshotAsync("onboarding-3-inventory");
        await wizard.SaveAsync(3, 4);
        await wizard.FillAsync(4, "Bundles", "Front pair: A1 A2");
        await wizard.SaveAsync(4, 5);
        await wizard.FillAsync(5, "Price of every seat or item", "30");
        await wizard.FillAsync(5, "Other prices", "A1 = 45");
        await wizard.SaveAsync(5, 6);
        await wizard.SaveAsync(6, 7);
        await wizard.FillAsync(7, "Crew members", "Bob Crew, bob@example.com, STAFF");
        await wizard.SaveAsync(7, 8);
        await wizard.FillAsync(8, "Your sites", "https://tickets.gala.example");
        await wizard.SaveAsync(8, 9);

        await Expect(wizard.Step(9).Locator("#summary")).ToContainTextAsync("summer-gala): 4 seats or items");
        await wizard.Step(9).GetByLabel("Create my app now").CheckAsync();
        await wizard.Step(9).GetByRole(AriaRole.Button, new() { Name = "Create my app and run the test" }).ClickAsync();
        var log = page.Locator("#test-log li");
        await Expect(log).ToHaveCountAsync(5);
        await Expect(log.Nth(0)).ToHaveTextAsync(new Regex(@"^Creating your app: done \(APP-"));
        await Expect(log.Nth(1)).ToHaveTextAsync("Logging in to your app as the organiser: done.");
        await Expect(log.Nth(2)).ToHaveTextAsync("Reading the seats of onboarding-test: done (TEST-1, available).");
        await Expect(log.Nth(3)).ToHaveTextAsync(new Regex(@"^Holding seat TEST-1: done \(held until"));
        await Expect(log.Nth(4)).ToHaveTextAsync(new Regex(@"^Confirming the test payment: done \(booking "));
        await business.AssertAccessibleAsync("wizard step 9 after the test");
        await business.ScreenshotAsync("onboarding-9-test-run");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show my credentials" }).ClickAsync();
        await wizard.ExpectAtAsync(10);
        var appId = await wizard.Step(10).GetByLabel("App id").InputValueAsync();
        var apiKey = await wizard.Step(10).GetByLabel("API key").InputValueAsync();
        Assert.Matches("^APP-", appId);
        Assert.Matches("^sk_live_", apiKey);
        await Expect(wizard.Step(10).GetByLabel("Dashboard email")).ToHaveValueAsync(email);
        await business.AssertAccessibleAsync("wizard step 10");
        await business.ScreenshotAsync("onboarding-10-credentials");

        // The link is spent; the admin sees the app.
        await page.GotoAsync(link);
        await Expect(page.Locator("#link-error")).ToHaveTextAsync("This onboarding link was used to activate an app; it cannot be used again.");
        await operatorBrowser.Page.ReloadAsync();
        await Expect(request).ToContainTextAsync("activated");
        await Expect(request).ToContainTextAsync(appId);

        // The new app sells its first real seat through the reference frontend.
        await using var customer = await Visitor.OpenAsync(chromium, engine);
        var shop = new DemoShop(customer.Page);
        await shop.ConfigureAsync(appId, apiKey);
        await shop.SignUpAsync($"first-customer-{Guid.NewGuid():N}@example.com");
        await shop.OpenEventAsync("summer-gala");
        await Expect(customer.Page.GetByRole(AriaRole.Button, new() { Name = "Seat A1, available, 45.00" })).ToBeVisibleAsync();
        await shop.HoldAsync("A3");
        await shop.FillCardAsync();
        await shop.PayButton.ClickAsync();
        await shop.ExpectBookedAsync("A3");
        var bookings = await engine.BookingsAsync(appId);
        Assert.Equal(["onboarding-test", "summer-gala"], bookings.Select(b => b.GetProperty("entityId").GetString()).Order());

        business.AssertNoScriptErrors();
        operatorBrowser.AssertNoScriptErrors();
        customer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Wizard_BackForwardAndResumeAfterClosingThePage()
    {
        var link = await RequestLinkAsync($"resume-{Guid.NewGuid():N}@example.com");
        await using (var first = await Visitor.OpenAsync(chromium, engine))
        {
            var wizard = new OnboardingWizard(first.Page);
            await first.Page.GotoAsync(link);
            await wizard.Step(1).GetByLabel("I agree to the terms of service").CheckAsync();
            await wizard.SaveAsync(1, 2);
            await wizard.SaveAsync(2, 3);
            await wizard.FillAsync(3, "Seats or items", "B1 B2");
            await wizard.SaveAsync(3, 4);

            // The page's Back button, then the browser's own back and forward.
            await wizard.Step(4).GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
            await wizard.ExpectAtAsync(3);
            await Expect(wizard.Step(3).GetByLabel("Seats or items", new() { Exact = false })).ToHaveValueAsync("B1 B2");
            await first.Page.GoBackAsync();
            await wizard.ExpectAtAsync(4);
            await first.Page.GoForwardAsync();
            await wizard.ExpectAtAsync(3);

            // An answer the server refuses says what to fix, and the wizard stays put.
            await wizard.SaveAsync(3, 4);
            await wizard.FillAsync(4, "Bundles", "Pair: B1 Z9");
            await wizard.Step(4).GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await Expect(wizard.Error(4)).ToHaveTextAsync("Step 4: bundle Pair names Z9, which is not an item of step 3.");
            await wizard.ExpectAtAsync(4);
            await first.AssertAccessibleAsync("wizard with an error");
            await first.ScreenshotAsync("onboarding-4-error");
            first.AssertNoScriptErrors();
        }

        // A new browser, the same link without a step: it resumes after the last saved step.
        await using var second = await Visitor.OpenAsync(chromium, engine);
        var resumed = new OnboardingWizard(second.Page);
        await second.Page.GotoAsync(link);
        await resumed.ExpectAtAsync(4);
        await Expect(second.Page.Locator("#progress li[data-done]")).ToHaveCountAsync(3);
        await second.Page.GotoAsync(link + "#step-8");
        await resumed.ExpectAtAsync(4); // steps after the next unsaved one are not reachable yet
        await resumed.Step(4).GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(resumed.Step(3).GetByLabel("Seats or items", new() { Exact = false })).ToHaveValueAsync("B1 B2");

        await second.Page.GotoAsync("/onboarding?token=not-a-real-token");
        await Expect(second.Page.Locator("#link-error")).ToHaveTextAsync("No onboarding link has this token; check that the whole link was copied.");
        second.AssertNoScriptErrors();
    }

    private async Task<string> RequestLinkAsync(string email)
    {
        using var http = engine.Http();
        using var response = await http.PostAsJsonAsync("/api/bookings", new
        {
            name = "Resume Rentals", email, phone = "+31 6 5555 0000", eventType = "Rental", eventDate = "2026-10-01", message = "",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("onboardingUrl").GetString()!;
    }

    [GeneratedRegex(@"https?://\S+/onboarding\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
