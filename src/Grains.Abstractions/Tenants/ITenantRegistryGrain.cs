using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>The list of every app id (a single grain, key "all"), for the admin's listings.</summary>
[Alias("reservations.tenant-registry")]
public interface ITenantRegistryGrain : IGrainWithStringKey
{
    /// <summary>The registry's one key.</summary>
    const string Key = "all";

    /// <summary>Adds an app id; adding it twice is harmless.</summary>
    Task AddAsync(string appId);

    /// <summary>Every app id, oldest first.</summary>
    Task<ImmutableArray<string>> ListAsync();
}
