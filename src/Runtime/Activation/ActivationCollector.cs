namespace Reservations.Runtime.Activation;

/// <summary>Deactivates activations idle for longer than the collection age, so memory follows the working set.</summary>
internal sealed class ActivationCollector(GrainRuntime runtime) : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var quantum = runtime.Options.CollectionQuantum;
        _timer = runtime.TimeProvider.CreateTimer(static s => ((ActivationCollector)s!).Collect(), this, quantum, quantum);
    }

    public void Collect()
    {
        var age = runtime.Options.CollectionAge;
        foreach (var activation in runtime.Catalog.All)
        {
            if (activation.IsIdle && runtime.TimeProvider.GetElapsedTime(activation.LastActive) >= age)
            {
                activation.RequestDeactivation(DeactivationReason.IdleCollection);
            }
        }
    }

    public void Dispose() => _timer?.Dispose();
}
