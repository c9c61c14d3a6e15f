namespace Reservations.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>Idle for longer than the collection age.</summary>
    IdleCollection,
    /// <summary>The grain called <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested,
    /// <summary>Its storage write was rejected: another activation wrote first, so this one is stale.</summary>
    InconsistentState,
    /// <summary>The silo is shutting down.</summary>
    SiloStopping,
}
