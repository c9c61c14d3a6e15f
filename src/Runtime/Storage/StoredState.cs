namespace Reservations.Runtime;

/// <summary>A grain state as stored: its JSON and its version.</summary>
public sealed record StoredState(string Json, string Etag);
