namespace Reservations.Runtime.Scheduling;

/// <summary>The result type of a turn whose method returns a plain <see cref="Task"/>.</summary>
internal sealed class NoResult;
