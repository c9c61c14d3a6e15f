namespace Reservations.Runtime.Activation;

/// <summary>
/// Fails calls past their deadline, once a second. Checking deadlines in one sweep instead of a
/// timer per call keeps the call path free of timer allocations; the price is up to a second of
/// lateness on a 30-second timeout.
/// </summary>
internal sealed class CallTimeoutWatchdog(GrainRuntime runtime) : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private ITimer? _timer;

    public void Start() =>
        _timer = runtime.TimeProvider.CreateTimer(static s => ((CallTimeoutWatchdog)s!).Sweep(), this, Period, Period);

    public void Sweep()
    {
        var now = runtime.TimeProvider.GetTimestamp();
        foreach (var activation in runtime.Catalog.All)
        {
            activation.ExpireOverdueTurns(now);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
