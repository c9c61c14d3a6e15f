using Microsoft.Playwright;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, launched once for every browser test: Playwright drives the installed
/// /usr/bin/chromium and never downloads a browser (scripts/chromium.sh installs the package).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing. Run the tests with ./scripts/test.sh: it installs Debian's chromium package.");
        }

        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Chromium's sandbox refuses to start as root (containers, CI).
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
