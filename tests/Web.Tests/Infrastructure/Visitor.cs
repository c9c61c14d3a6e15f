using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>
/// One person at one browser: a context of its own (storage, cookies, clock) and a page. Its clock
/// is Playwright's fake clock, started at the engine's fake time plus <c>skew</c>, so a test moves
/// both clocks instead of waiting.
/// </summary>
public sealed class Visitor : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    private Visitor(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
    }

    public IPage Page { get; }

    public static async Task<Visitor> OpenAsync(Chromium chromium, WebEngine engine, TimeSpan skew = default, int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = engine.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["clipboard-read", "clipboard-write"],
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = (engine.Time.GetUtcNow() + skew).UtcDateTime });
        return new Visitor(context, await context.NewPageAsync());
    }

    /// <summary>Moves this browser's clock: timers due in between fire, as if the time had passed.</summary>
    public Task AdvanceClockAsync(TimeSpan by) => _context.Clock.FastForwardAsync((long)by.TotalMilliseconds);

    /// <summary>Saves a full-page screenshot to screenshots/{name}.png beside the test assembly.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf(name), FullPage = true });

    /// <summary>Runs axe-core on the page as it is now; any violation fails with what and where.</summary>
    public async Task AssertAccessibleAsync(string screen)
    {
        var result = await Page.RunAxe();
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
        Assert.True(result.Violations.Length == 0, $"axe-core found violations on {screen}:\n{string.Join('\n', violations)}");
    }

    /// <summary>No script on the page threw: a broken module would otherwise fail only as a missing element.</summary>
    public void AssertNoScriptErrors() => Assert.True(_scriptErrors.Count == 0, string.Join('\n', _scriptErrors));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
