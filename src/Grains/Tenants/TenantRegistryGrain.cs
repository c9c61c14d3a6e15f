using System.Collections.Immutable;

namespace Reservations.Grains.Tenants;

/// <summary>Every app id, oldest first, for the admin's listings.</summary>
public sealed class TenantRegistryGrain([PersistentState("tenant-registry")] IPersistentState<TenantRegistryState> registry) : Grain, ITenantRegistryGrain
{
    async Task ITenantRegistryGrain.AddAsync(string appId)
    {
        if (registry.State.AppIds.Contains(appId, StringComparer.Ordinal))
        {
            return;
        }

        registry.State.AppIds.Add(appId);
        try
        {
            await registry.WriteStateAsync();
        }
        catch
        {
            registry.State.AppIds.RemoveAt(registry.State.AppIds.Count - 1);
            throw;
        }
    }

    Task<ImmutableArray<string>> ITenantRegistryGrain.ListAsync() => Task.FromResult<ImmutableArray<string>>([.. registry.State.AppIds]);
}
