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

    public ILocator HoldButton => page.Locator("#hold");

    public ILocator ExtendButton => page.Locator("#extend");

    public ILocator Countdown => page.Locator("#countdown");

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

    /// <summary>Selects the seats on the map and holds them together (one seat is a group of one).</summary>
    public async Task HoldAsync(params string[] seatNumbers)
    {
        await SelectAsync(seatNumbers);
        await Expect(HoldButton).ToHaveTextAsync(seatNumbers.Length == 1 ? "Hold 1 seat" : $"Hold {seatNumbers.Length} seats");
        await HoldSelectedAsync(seatNumbers);
    }

    /// <summary>Holds what is selected, which must be these seats.</summary>
    public async Task HoldSelectedAsync(params string[] seatNumbers)
    {
        await HoldButton.ClickAsync();
        await Expect(page.Locator("#hold-panel")).ToBeVisibleAsync();
        await Expect(Countdown).ToHaveTextAsync(CountdownPattern());
        foreach (var seatNumber in seatNumbers)
        {
            await ExpectSeatAsync(seatNumber, "mine");
        }
    }

    /// <summary>Adds the seats to the selection, one click each.</summary>
    public async Task SelectAsync(params string[] seatNumbers)
    {
        foreach (var seatNumber in seatNumbers)
        {
            await Seat(seatNumber).ClickAsync();
            await Expect(Seat(seatNumber)).ToHaveAttributeAsync("aria-pressed", "true");
        }
    }

    public async Task FillCardAsync() => await page.GetByLabel("Name on card").FillAsync("Ann Example");

    /// <summary>The page says these seats were booked, lists a booking for each, and My bookings has them.</summary>
    public async Task ExpectBookedAsync(params string[] seatNumbers)
    {
        var seats = seatNumbers.Length == 1 ? $"seat {seatNumbers[0]}" : $"seats {string.Join(", ", seatNumbers[..^1])} and {seatNumbers[^1]}";
        await Expect(Message).ToContainTextAsync($"Booked: {seats} (");
        await Expect(page.Locator("#booked-list li")).ToHaveCountAsync(seatNumbers.Length);
        foreach (var seatNumber in seatNumbers)
        {
            // By the Seat column alone: a random booking id may contain "A2" too.
            var seatCell = page.Locator("td:nth-child(2)", new() { HasTextRegex = new Regex($"^{Regex.Escape(seatNumber)}$") });
            await Expect(page.Locator("#mine-rows tr").Filter(new() { Has = seatCell })).ToHaveCountAsync(1);
        }
    }

    [GeneratedRegex(@"^[12]:\d\d$")]
    private static partial Regex CountdownPattern();
}
