using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reservations.Runtime.Activation;

namespace Reservations.Runtime.Hosting;

/// <summary>
/// A silo: hosts activations, fires reminders, collects idle activations and times out calls.
/// Start migrates the storage schema first. Stop deactivates every activation gracefully;
/// <see cref="Kill"/> drops them as a crash would.
/// </summary>
public sealed class Silo : IHostedService, IDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly IStorageSchema _schema;
    private readonly ActivationCollector _collector;
    private readonly CallTimeoutWatchdog _watchdog;

    internal Silo(GrainRuntime runtime, IStorageSchema schema)
    {
        _runtime = runtime;
        _schema = schema;
        _collector = new ActivationCollector(runtime);
        _watchdog = new CallTimeoutWatchdog(runtime);
    }

    /// <summary>This silo's address.</summary>
    public SiloAddress Address => _runtime.LocalSilo;

    /// <summary>References to grains, through this silo.</summary>
    public IGrainFactory GrainFactory => _runtime.GrainFactory;

    /// <summary>How many activations are live here now.</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _schema.MigrateAsync(cancellationToken);
        await _runtime.Reminders.StartAsync(cancellationToken);
        _collector.Start();
        _watchdog.Start();
        RuntimeLog.SiloStarted(_runtime.Logger, Address);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        StopBackgroundWork();
        var activations = _runtime.Catalog.All.ToList();
        foreach (var activation in activations)
        {
            activation.RequestDeactivation(DeactivationReason.SiloStopping);
        }

        var deactivated = Task.WhenAll(activations.Select(a => a.Deactivated));
        await Task.WhenAny(deactivated, Task.Delay(_runtime.Options.DeactivationTimeout, cancellationToken));
        _runtime.Stop();
        _runtime.Catalog.AbandonAll();
        RuntimeLog.SiloStopped(_runtime.Logger, Address, activations.Count);
    }

    /// <summary>Stops at once, running no more grain code and writing nothing: a simulated crash.</summary>
    public void Kill()
    {
        StopBackgroundWork();
        _runtime.Stop();
        _runtime.Catalog.AbandonAll();
    }

    /// <summary>Runs the idle collector now, instead of waiting for its period.</summary>
    public void CollectIdleActivations() => _collector.Collect();

    /// <inheritdoc />
    public void Dispose() => StopBackgroundWork();

    private void StopBackgroundWork()
    {
        _runtime.Reminders.Stop();
        _collector.Dispose();
        _watchdog.Dispose();
    }
}
