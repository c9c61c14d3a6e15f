namespace Reservations.Runtime;

/// <summary>A state write carried an ETag that is no longer the stored one: another activation wrote first.</summary>
public sealed class InconsistentStateException(string message) : Exception(message);
