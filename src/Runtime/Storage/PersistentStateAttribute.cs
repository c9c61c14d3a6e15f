namespace Reservations.Runtime;

/// <summary>Names the state a constructor parameter of type <see cref="IPersistentState{TState}"/> binds to.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    /// <summary>The state's name, unique within the grain.</summary>
    public string StateName { get; } = stateName;
}
