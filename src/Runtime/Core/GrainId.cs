namespace Reservations.Runtime;

/// <summary>The identity of a grain: its type name (see <see cref="GrainTypeAttribute"/>) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
