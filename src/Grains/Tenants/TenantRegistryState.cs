namespace Reservations.Grains.Tenants;

/// <summary>Every app id, oldest first.</summary>
public sealed class TenantRegistryState
{
    public List<string> AppIds { get; set; } = [];
}
