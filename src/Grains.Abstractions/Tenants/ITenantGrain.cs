namespace Reservations.Grains.Tenants;

/// <summary>A client app (key: appId): its settings, its API key's hash, its usage.</summary>
[Alias("reservations.tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the app and lists it in the registry; returns its API key, shown this once, or null if
    /// the app exists. Either the app exists whole afterwards or not at all.
    /// </summary>
    Task<string?> CreateAsync(TenantSettings settings);

    /// <summary>The app, or null.</summary>
    Task<TenantView?> GetAsync();

    /// <summary>Changes what the update sets; null if there is no such app.</summary>
    Task<TenantView?> UpdateAsync(TenantUpdate update);

    /// <summary>Replaces the API key; the old one is refused from now on. Null if there is no such app.</summary>
    Task<string?> RotateKeyAsync();

    /// <summary>What request authentication needs; null if there is no such app.</summary>
    Task<TenantAuth?> GetAuthAsync();

    /// <summary>Adds usage counted since the last flush.</summary>
    Task RecordUsageAsync(TenantUsage delta);
}
