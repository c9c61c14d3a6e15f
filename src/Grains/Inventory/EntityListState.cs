namespace Reservations.Grains.Inventory;

/// <summary>An app's entities as stored, oldest first.</summary>
[GenerateSerializer, Alias("reservations.entity-list-state")]
public sealed class EntityListState
{
    [Id(0)]
    public List<EntitySummary> Entities { get; set; } = [];
}
