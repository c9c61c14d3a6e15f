namespace Reservations.Runtime;

/// <summary>A grain call did not complete within the silo's call timeout.</summary>
public sealed class GrainCallTimeoutException(GrainId grain, TimeSpan timeout)
    : TimeoutException($"The call to {grain} did not complete within {timeout}.");
