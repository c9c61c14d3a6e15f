using Microsoft.Extensions.Logging;
using Reservations.Runtime.Hosting;
using Reservations.Runtime.Invocation;
using Reservations.Runtime.Reminders;
using Reservations.Runtime.Scheduling;

namespace Reservations.Runtime.Activation;

/// <summary>The silo's hub: routes each call to the activation that owns it, here or on another silo.</summary>
internal sealed class GrainRuntime
{
    private readonly IClusterMembership _membership;
    private readonly IPlacementDirector _placement;
    private readonly IGrainTransport _transport;
    private readonly long _callTimeoutTicks;
    private volatile bool _stopped;

    public GrainRuntime(
        SiloOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        IClusterMembership membership,
        IPlacementDirector placement,
        IGrainTransport transport,
        Func<GrainRuntime, GrainActivator> activator,
        Func<GrainRuntime, IGrainFactory> grainFactory,
        IReminderTable reminderTable)
    {
        Options = options;
        TimeProvider = timeProvider;
        Logger = logger;
        _membership = membership;
        _placement = placement;
        _transport = transport;
        _callTimeoutTicks = (long)(options.CallTimeout.TotalSeconds * timeProvider.TimestampFrequency);
        Catalog = new Catalog(this);
        Activator = activator(this);
        GrainFactory = grainFactory(this);
        Reminders = new ReminderService(this, reminderTable);
    }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public Catalog Catalog { get; }

    public GrainActivator Activator { get; }

    public IGrainFactory GrainFactory { get; }

    public ReminderService Reminders { get; }

    public SiloAddress LocalSilo => _membership.LocalSilo;

    public long NewDeadline() => TimeProvider.GetTimestamp() + _callTimeoutTicks;

    public bool IsLocallyOwned(GrainId grainId) => OwnerOf(grainId) == _membership.LocalSilo;

    /// <summary>A call from a grain reference: returns the Task the caller awaits.</summary>
    public object Call(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var owner = OwnerOf(grainId);
        if (owner != _membership.LocalSilo)
        {
            return method.CallRemote(_transport, owner, grainId, arguments);
        }

        var turn = method.CreateTurn(arguments, NewDeadline(), out var callerTask);
        Dispatch(grainId, turn);
        return callerTask;
    }

    /// <summary>Queues a turn on the local activation of the grain, activating it if needed.</summary>
    public void Dispatch(GrainId grainId, ITurn turn)
    {
        if (_stopped)
        {
            turn.Fail(new SiloUnavailableException($"Silo {LocalSilo} is stopped."));
            return;
        }

        Catalog.GetOrCreate(grainId).Enqueue(turn);
    }

    public void Stop() => _stopped = true;

    private SiloAddress OwnerOf(GrainId grainId)
    {
        var silos = _membership.ActiveSilos;
        return silos.Count == 1 ? silos[0] : _placement.PickOwner(grainId, silos);
    }
}
