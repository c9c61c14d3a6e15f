using Microsoft.Extensions.Logging;
using Reservations.Runtime.Activation;
using Reservations.Runtime.Scheduling;

namespace Reservations.Runtime.Timers;

/// <summary>
/// A grain timer: each tick is a turn of its activation, and the next tick is scheduled only after
/// the callback completes, so ticks never overlap. Stops with the activation.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _timer;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _activation.RemoveTimer(this);
        Stop();
    }

    internal void Stop()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
            _timer.Dispose();
        }
    }

    private void OnDue()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var turn = new Turn<NoResult>(static (_, args) => ((GrainTimer)args[0]!).TickAsync(), [this], long.MaxValue);
        _activation.Enqueue(turn);
        turn.Task.ContinueWith(
            static (task, state) => RuntimeLog.TimerFailed(((ActivationData)state!).Runtime.Logger, task.Exception!, ((ActivationData)state).GrainId),
            _activation,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task TickAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await _callback(_stopping.Token);
        }
        finally
        {
            if (!_stopping.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
