using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>The plans on offer (a single grain, key "all"); the admin edits them.</summary>
[Alias("reservations.package-catalog")]
public interface IPackageCatalogGrain : IGrainWithStringKey
{
    /// <summary>The catalog's one key.</summary>
    const string Key = "all";

    /// <summary>The most plans the catalog holds.</summary>
    const int MaxPlans = 12;

    /// <summary>Every plan in the order the admin added them; the built-in plans until the admin changes any.</summary>
    Task<ImmutableArray<PackagePlan>> ListAsync();

    /// <summary>Adds the plan, or replaces the one with its id; false when the catalog is full.</summary>
    Task<bool> SaveAsync(PackagePlan plan);

    /// <summary>Removes the plan; false when there is none with that id.</summary>
    Task<bool> RemoveAsync(string id);
}
