using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Reservations.Runtime.Scheduling;
using Reservations.Runtime.Timers;

namespace Reservations.Runtime.Activation;

/// <summary>
/// One live activation: its grain, its mailbox and the pump that runs one turn at a time. A turn
/// lasts until the grain's task completes, awaits included, so grain code is never reentrant.
/// The caller that finds the activation idle runs the pump inline; a turn that completes
/// synchronously costs no thread hop.
/// </summary>
internal sealed class ActivationData
{
    private readonly ConcurrentQueue<ITurn> _queue = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private Grain? _grain;
    private ActivationState _state;
    private DeactivationReason? _deactivationRequest;
    private volatile ITurn? _current;
    private long _lastActive;

    public ActivationData(GrainId grainId, GrainRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
        _lastActive = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainRuntime Runtime { get; }

    /// <summary>Completes once the activation is gone (gracefully or by failure).</summary>
    public Task Deactivated => _deactivated.Task;

    public bool IsIdle => Volatile.Read(ref _running) == 0 && _queue.IsEmpty;

    public long LastActive => Volatile.Read(ref _lastActive);

    public void Enqueue(ITurn turn)
    {
        _queue.Enqueue(turn);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = PumpAsync();
        }
    }

    /// <summary>Deactivates after the current turn. Safe from any thread.</summary>
    public void RequestDeactivation(DeactivationReason reason) => Enqueue(new DeactivationTurn(reason));

    /// <summary>Fails the running turn and the queued ones whose deadline has passed.</summary>
    public void ExpireOverdueTurns(long now)
    {
        if (_current is { } current && current.Deadline <= now)
        {
            current.Fail(new GrainCallTimeoutException(GrainId, Runtime.Options.CallTimeout));
        }

        if (_queue.IsEmpty)
        {
            return;
        }

        // Failed in place, not dequeued: the pump may be dequeuing concurrently, and it skips
        // completed turns.
        foreach (var queued in _queue)
        {
            if (queued.Deadline <= now)
            {
                queued.Fail(new GrainCallTimeoutException(GrainId, Runtime.Options.CallTimeout));
            }
        }
    }

    public GrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Drops the activation without running any more grain code, as a crashed silo would.</summary>
    public void Abandon()
    {
        StopTimers();
        _state = ActivationState.Deactivated;
        _deactivated.TrySetResult();
    }

    internal void MarkForDeactivation(DeactivationReason reason) => _deactivationRequest ??= reason;

    internal async Task DeactivateAsync(DeactivationReason reason)
    {
        if (_state != ActivationState.Valid)
        {
            return;
        }

        if (reason == DeactivationReason.IdleCollection && !IsIdleLongEnough())
        {
            return;
        }

        StopTimers();
        try
        {
            await _grain!.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, exception, GrainId);
        }

        _state = ActivationState.Deactivated;
        Runtime.Catalog.Remove(this);
        _deactivated.TrySetResult();
    }

    private bool IsIdleLongEnough() =>
        Runtime.TimeProvider.GetElapsedTime(LastActive) >= Runtime.Options.CollectionAge;

    private async Task PumpAsync()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var turn))
            {
                if (turn.IsCompleted)
                {
                    continue;
                }

                if (_state == ActivationState.Deactivated)
                {
                    Runtime.Dispatch(GrainId, turn);
                    continue;
                }

                if (turn is DeactivationTurn deactivation)
                {
                    await DeactivateAsync(deactivation.Reason);
                    deactivation.Complete(Task.CompletedTask);
                    continue;
                }

                if (_state == ActivationState.Created && !await TryActivateAsync(turn))
                {
                    continue;
                }

                await RunTurnAsync(turn);
            }

            Volatile.Write(ref _running, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task RunTurnAsync(ITurn turn)
    {
        _current = turn;
        var task = turn.Start(_grain!);
        if (!task.IsCompleted)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _current = null;
        if (task.Exception?.InnerException is InconsistentStateException)
        {
            MarkForDeactivation(DeactivationReason.InconsistentState);
        }

        turn.Complete(task);
        Volatile.Write(ref _lastActive, Runtime.TimeProvider.GetTimestamp());
        if (_deactivationRequest is { } reason)
        {
            _deactivationRequest = null;
            await DeactivateAsync(reason);
        }
    }

    private async Task<bool> TryActivateAsync(ITurn firstTurn)
    {
        try
        {
            var (grain, states) = Runtime.Activator.Create(GrainId);
            grain.Attach(this);
            foreach (var state in states)
            {
                await state.ReadStateAsync();
            }

            await grain.OnActivateAsync(CancellationToken.None);
            _grain = grain;
            _state = ActivationState.Valid;
            return true;
        }
        catch (Exception exception)
        {
            RuntimeLog.ActivationFailed(Runtime.Logger, exception, GrainId);
            firstTurn.Fail(exception);
            StopTimers();
            _state = ActivationState.Deactivated;
            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
            return false;
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Stop();
        }
    }
}
