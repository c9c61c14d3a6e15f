namespace Reservations.Runtime;

/// <summary>What a reminder tick knows about its schedule.</summary>
/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">Its period.</param>
/// <param name="CurrentTickTime">When this tick was due (it runs at or after this instant).</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
