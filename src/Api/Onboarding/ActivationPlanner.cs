using System.Collections.Immutable;
using Reservations.Grains.Inventory;
using Reservations.Grains.Onboarding;
using Reservations.Grains.Tenants;

namespace Reservations.Api.Onboarding;

/// <summary>The app the saved wizard answers describe; the same answers always give the same plan, so a retried completion redoes the same work.</summary>
internal static class ActivationPlanner
{
    /// <summary>The test entity's one seat, free: step 9 holds and confirms it without touching the real inventory.</summary>
    public const string TestSeatNumber = "TEST-1";

    public static ActivationPlan Plan(IReadOnlyDictionary<int, string> saved)
    {
        var json = OnboardingJsonContext.Default;
        var business = WizardSteps.Saved(saved, 2, json.BusinessAnswers)!;
        var inventory = WizardSteps.Saved(saved, 3, json.InventoryAnswers)!;
        var pricing = WizardSteps.Saved(saved, 5, json.PricingAnswers)!;
        var delivery = WizardSteps.Saved(saved, 8, json.DeliveryAnswers)!;

        var prices = (pricing.Prices ?? []).ToDictionary(p => p!.Item!, p => p!.Price!.Value, StringComparer.Ordinal);
        var entities = inventory.Entities!
            .Select(e => new EntityPlan(e!.EntityId!, [.. e.Items!.Select(item => new SeatSpec(item!, prices.GetValueOrDefault(item!, pricing.DefaultPrice!.Value)))]))
            .Append(new EntityPlan(WizardSteps.TestEntityId, [new SeatSpec(TestSeatNumber, 0m)]))
            .ToImmutableArray();
        var domain = Enum.Parse<TenantDomain>(inventory.Domain!, ignoreCase: true);
        var settings = new TenantSettings(business.BusinessName!, domain, [.. delivery.AllowedDomains!.Select(d => d!)]);
        return new ActivationPlan(settings, entities, business.Email!, business.ContactName!);
    }
}
