namespace Reservations.LoadTest.Core;

/// <summary>The run could not be set up or finished (engine unreachable, admin refused, ...): not an invariant violation.</summary>
public sealed class LoadTestException(string message, Exception? inner = null) : Exception(message, inner);
