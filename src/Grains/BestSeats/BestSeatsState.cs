namespace Reservations.Grains.BestSeats;

/// <summary>What best available keeps for an entity: its focal point (null: front centre).</summary>
[GenerateSerializer, Alias("reservations.best-seats-state")]
public sealed class BestSeatsState
{
    [Id(0)]
    public FocalPoint? FocalPoint { get; set; }
}
