using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>The admin dashboard at /admin, driven as an operator would: by labels and button names.</summary>
public sealed class AdminDashboard(IPage page)
{
    public IPage Page => page;

    public async Task LogInAsync()
    {
        await page.GotoAsync("/admin");
        await page.GetByLabel("Username").FillAsync(WebEngine.AdminUsername);
        await page.GetByLabel("Password").FillAsync(WebEngine.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apps", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Creates an app; returns its id and the key shown once.</summary>
    public async Task<(string AppId, string ApiKey)> CreateAppAsync(string name)
    {
        await page.GotoAsync("/admin#apps");
        await page.Locator("#create-form").GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create app" }).ClickAsync();
        return await ReadNewKeyAsync();
    }

    public async Task<(string AppId, string ApiKey)> ReadNewKeyAsync()
    {
        var panel = page.Locator("#new-key");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToContainTextAsync("you will not see it again");
        var key = panel.GetByLabel("API key");
        await Expect(key).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^sk_live_"));
        return (await panel.GetByLabel("App id").InputValueAsync(), await key.InputValueAsync());
    }

    public ILocator App(string appId) => page.Locator($"#apps-list li[data-app-id='{appId}']");

    public async Task<string> RotateKeyAsync(string appId)
    {
        await page.GotoAsync("/admin#apps");
        await App(appId).GetByRole(AriaRole.Button, new() { Name = "Rotate key" }).ClickAsync();
        await App(appId).GetByRole(AriaRole.Button, new() { Name = "Rotate now" }).ClickAsync();
        return (await ReadNewKeyAsync()).ApiKey;
    }

    /// <summary>Seeds rows × seats with the generator; waits for the seat map.</summary>
    public async Task SeedAsync(string appId, string entityId, int rows, int perRow)
    {
        await page.GotoAsync("/admin#seed");
        var form = page.Locator("#seed-form");
        await form.GetByLabel("App", new() { Exact = true }).SelectOptionAsync(appId);
        await form.GetByLabel("Entity id").FillAsync(entityId);
        await form.GetByLabel("Rows", new() { Exact = true }).FillAsync(rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Seats per row").FillAsync(perRow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Seed seats" }).ClickAsync();
        await Expect(page.Locator("#seed-map .seat")).ToHaveCountAsync(rows * perRow);
    }
}
