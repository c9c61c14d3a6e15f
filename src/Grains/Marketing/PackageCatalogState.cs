namespace Reservations.Grains.Marketing;

/// <summary>The plans as stored; <see cref="Edited"/> is false until the admin first changes them.</summary>
[GenerateSerializer, Alias("reservations.package-catalog-state")]
public sealed class PackageCatalogState
{
    [Id(0)]
    public bool Edited { get; set; }

    [Id(1)]
    public List<PackagePlan> Plans { get; set; } = [];
}
