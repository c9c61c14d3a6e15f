namespace Reservations.Grains.Tenants;

/// <summary>Every app id, oldest first.</summary>
[GenerateSerializer, Alias("reservations.tenant-registry-state")]
public sealed class TenantRegistryState
{
    [Id(0)]
    public List<string> AppIds { get; set; } = [];
}
