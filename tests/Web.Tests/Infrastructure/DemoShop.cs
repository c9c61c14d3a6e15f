using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>The reference frontend at /demo, driven as a customer would.</summary>
public sealed partial class DemoShop(IPage page)
{
    public const string Password = "correct horse 42";

    public IPage Page => page;

    public ILocator Message => page.Locator("#checkout-message");

    public ILocator Notice => page.Locator("#notice");

    public ILocator PayButton => page.Locator("#pay");

    public async Task ConfigureAsync(string appId, string apiKey)
    {
        await page.GotoAsync("/demo");
        await page.GetByLabel("App id").FillAsync(appId);
        await page.GetByLabel("API key").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save app settings" }).ClickAsync();
    }

    public async Task SignUpAsync(string email)
    {
        var form = page.Locator("#signup-form");
        await form.GetByLabel("Name").FillAsync("Ann Example");
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.GetByText($"Signed in as {email}")).ToBeVisibleAsync();
    }

    /// <summary>Picks the event from the list the engine gives and waits for its seat map.</summary>
    public async Task OpenEventAsync(string entityId)
    {
        await page.GetByLabel("Event", new() { Exact = true }).SelectOptionAsync(entityId);
        await Expect(page.Locator($"#seat-map .seat[data-seat-id^='{entityId}:']").First).ToBeVisibleAsync();
    }

    public async Task WaitUntilLiveAsync() => await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");

    public ILocator Seat(string seatNumber) => page.GetByRole(AriaRole.Button, new() { Name = $"Seat {seatNumber}," });

    public Task ExpectSeatAsync(string seatNumber, string state) => Expect(Seat(seatNumber)).ToHaveAttributeAsync("data-status", state);

    public async Task HoldAsync(string seatNumber)
    {
        await Seat(seatNumber).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold this seat" }).ClickAsync();
        await Expect(page.Locator("#hold-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#countdown")).ToHaveTextAsync(CountdownPattern());
        await ExpectSeatAsync(seatNumber, "mine");
    }

    public async Task FillCardAsync() => await page.GetByLabel("Name on card").FillAsync("Ann Example");

    public async Task ExpectBookedAsync(string seatNumber)
    {
        await Expect(Message).ToContainTextAsync($"Booked: seat {seatNumber}");
        await Expect(page.Locator("#mine-rows tr").Filter(new() { HasText = seatNumber })).ToHaveCountAsync(1);
    }

    [GeneratedRegex(@"^[12]:\d\d$")]
    private static partial Regex CountdownPattern();
}
