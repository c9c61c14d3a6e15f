using Reservations.Runtime.Activation;
using Reservations.Runtime.Reminders;
using Reservations.Runtime.Timers;

namespace Reservations.Runtime;

/// <summary>
/// Base class of every grain. One activation per grain id runs one call at a time, across awaits
/// (turn-based, not reentrant). The context (id, factory, timers, reminders) is available from
/// <see cref="OnActivateAsync"/> on, not in the constructor.
/// </summary>
public abstract class Grain
{
    private ActivationData? _activation;

    internal ActivationData Activation =>
        _activation ?? throw new InvalidOperationException("The grain context is available from OnActivateAsync on, not in the constructor.");

    internal void Attach(ActivationData activation) => _activation = activation;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>The key this grain was addressed with.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Factory for calling other grains. Grains must not call each other in cycles.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    /// <summary>The silo's clock; tests replace it with a fake one.</summary>
    protected TimeProvider TimeProvider => Activation.Runtime.TimeProvider;

    /// <summary>Called once, as the first turn of a new activation, after persistent state is read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called as the last turn of a graceful deactivation. Not called when a silo dies.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>
    /// Registers an in-memory timer whose callback runs as a turn of this activation. It does not
    /// survive deactivation; use a reminder for that.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, dueTime, period);

    /// <summary>
    /// Registers (or moves) a durable reminder: it fires <see cref="IRemindable.ReceiveReminder"/>
    /// at dueTime and then every period, across deactivations and silo restarts, at least once.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);

    /// <summary>Removes a durable reminder. Removing one that is gone already is not an error.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder);

    /// <summary>The reminder of this grain with the given name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Activation.Runtime.Reminders.GetAsync(GrainId, reminderName);
}
