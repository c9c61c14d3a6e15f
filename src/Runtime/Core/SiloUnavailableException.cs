namespace Reservations.Runtime;

/// <summary>The silo that should run a grain call is stopped or unreachable.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
