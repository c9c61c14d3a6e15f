using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>The onboarding wizard at /onboarding?token=…, driven as a new tenant would: by labels and button names.</summary>
public sealed class OnboardingWizard(IPage page)
{
    public IPage Page => page;

    public ILocator Step(int step) => page.Locator($"#step-{step}");

    public Task ExpectAtAsync(int step) => Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Step {step} of 10", Exact = false })).ToBeVisibleAsync();

    public async Task SaveAsync(int step, int next)
    {
        await Step(step).GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await ExpectAtAsync(next);
    }

    public Task FillAsync(int step, string label, string value) => Step(step).GetByLabel(label, new() { Exact = false }).FillAsync(value);

    public ILocator Error(int step) => Step(step).Locator(".step-error");
}
