namespace Reservations.Grains.Health;

/// <summary>Whether a silo can serve requests now.</summary>
public enum EngineCondition
{
    /// <summary>The silo is active in its cluster and its grain storage answered.</summary>
    Ready,
    /// <summary>The silo has not yet joined its cluster.</summary>
    Starting,
    /// <summary>The silo is leaving or has left its cluster, or its grain storage did not answer.</summary>
    NotReady,
}

/// <summary>A silo's answer to "can you serve?", with a sentence for operators when it cannot.</summary>
[GenerateSerializer, Immutable, Alias("reservations.engine-health")]
public sealed record EngineHealth([property: Id(0)] EngineCondition Condition, [property: Id(1)] string Detail)
{
    /// <summary>Active, and storage answered.</summary>
    public static readonly EngineHealth Ready = new(EngineCondition.Ready, "The engine is ready.");
}
