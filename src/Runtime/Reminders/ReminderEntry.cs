namespace Reservations.Runtime;

/// <summary>A durable reminder as stored.</summary>
/// <param name="GrainId">The grain it wakes.</param>
/// <param name="Name">Unique per grain.</param>
/// <param name="StartAt">When it is first due.</param>
/// <param name="Period">Interval between ticks after the first.</param>
/// <param name="Etag">Stored version; null for an entry not yet written.</param>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? Etag = null);
