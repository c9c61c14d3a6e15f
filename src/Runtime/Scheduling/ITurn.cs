namespace Reservations.Runtime.Scheduling;

/// <summary>One unit of work for an activation: a grain call, a timer tick, a reminder tick.</summary>
internal interface ITurn
{
    /// <summary>When the caller stops waiting (a <see cref="TimeProvider"/> timestamp).</summary>
    long Deadline { get; }

    /// <summary>Whether the caller has its answer already (done, failed or timed out).</summary>
    bool IsCompleted { get; }

    /// <summary>Starts the work on the grain; the returned task is the turn's extent.</summary>
    Task Start(Grain grain);

    /// <summary>Hands the finished task's outcome to the caller.</summary>
    void Complete(Task finished);

    /// <summary>Fails the caller (timeout, activation failure, silo stopped).</summary>
    void Fail(Exception exception);
}
