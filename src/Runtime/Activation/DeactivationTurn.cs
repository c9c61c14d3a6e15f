using Reservations.Runtime.Scheduling;

namespace Reservations.Runtime.Activation;

/// <summary>A request, queued behind the calls before it, to deactivate the activation.</summary>
internal sealed class DeactivationTurn(DeactivationReason reason) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ITurn
{
    public DeactivationReason Reason { get; } = reason;

    public long Deadline => long.MaxValue;

    public bool IsCompleted => Task.IsCompleted;

    public Task Start(Grain grain) => System.Threading.Tasks.Task.CompletedTask;

    public void Complete(Task finished) => TrySetResult();

    public void Fail(Exception exception) => TrySetException(exception);
}
