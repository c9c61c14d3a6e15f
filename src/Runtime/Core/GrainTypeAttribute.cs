namespace Reservations.Runtime;

/// <summary>
/// Names a grain interface's type in storage, reminders and placement. Without it the name is the
/// interface name without its leading "I" and trailing "Grain", lower-cased (ISeatGrain: "seat").
/// </summary>
[AttributeUsage(AttributeTargets.Interface)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The stable type name.</summary>
    public string Name { get; } = name;
}
