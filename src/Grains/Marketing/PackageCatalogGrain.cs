using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>The plans on offer; the built-in ones stand until the admin saves or removes a plan.</summary>
public sealed class PackageCatalogGrain([PersistentState("package-catalog")] IPersistentState<PackageCatalogState> catalog) : Grain, IPackageCatalogGrain
{
    private static readonly ImmutableArray<PackagePlan> BuiltIn =
    [
        new("starter", "Starter", "One venue or vehicle, up to 500 seats, e-mail support.", 29m, "EUR", ["1 app", "500 seats", "Live seat map"]),
        new("business", "Business", "Several events a week, team accounts and webhooks.", 99m, "EUR", ["1 app", "10,000 seats", "Crew accounts", "Payment webhooks"]),
        new("enterprise", "Enterprise", "Many venues, priority support and a dedicated cluster.", 399m, "EUR", ["Unlimited apps", "Unlimited seats", "Priority support"]),
    ];

    private List<PackagePlan> Plans => catalog.State.Edited ? catalog.State.Plans : [.. BuiltIn];

    Task<ImmutableArray<PackagePlan>> IPackageCatalogGrain.ListAsync() => Task.FromResult<ImmutableArray<PackagePlan>>([.. Plans]);

    async Task<bool> IPackageCatalogGrain.SaveAsync(PackagePlan plan)
    {
        var plans = Plans;
        var index = plans.FindIndex(p => p.Id == plan.Id);
        if (index < 0 && plans.Count >= IPackageCatalogGrain.MaxPlans)
        {
            return false;
        }

        if (index < 0)
        {
            plans.Add(plan);
        }
        else
        {
            plans[index] = plan;
        }

        await StoreAsync(plans);
        return true;
    }

    async Task<bool> IPackageCatalogGrain.RemoveAsync(string id)
    {
        var plans = Plans;
        if (plans.RemoveAll(p => p.Id == id) == 0)
        {
            return false;
        }

        await StoreAsync(plans);
        return true;
    }

    private async Task StoreAsync(List<PackagePlan> plans)
    {
        var previous = (catalog.State.Edited, catalog.State.Plans);
        (catalog.State.Edited, catalog.State.Plans) = (true, plans);
        try
        {
            await catalog.WriteStateAsync();
        }
        catch
        {
            (catalog.State.Edited, catalog.State.Plans) = previous;
            throw;
        }
    }
}
