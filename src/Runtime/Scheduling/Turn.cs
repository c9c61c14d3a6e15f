namespace Reservations.Runtime.Scheduling;

/// <summary>
/// A grain call waiting for, or running on, its activation. It is its own completion source, so a
/// call costs one object besides its task. Continuations of the caller run asynchronously, never
/// on the activation's turn.
/// </summary>
internal sealed class Turn<TResult> : TaskCompletionSource<TResult>, ITurn
{
    private readonly Func<Grain, object?[], Task> _invoke;
    private readonly object?[] _arguments;

    public Turn(Func<Grain, object?[], Task> invoke, object?[] arguments, long deadline)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _invoke = invoke;
        _arguments = arguments;
        Deadline = deadline;
    }

    public long Deadline { get; }

    public bool IsCompleted => Task.IsCompleted;

    public Task Start(Grain grain)
    {
        try
        {
            return _invoke(grain, _arguments);
        }
        catch (Exception exception)
        {
            return System.Threading.Tasks.Task.FromException(exception);
        }
    }

    public void Complete(Task finished)
    {
        if (finished.IsCompletedSuccessfully)
        {
            TrySetResult(finished is Task<TResult> typed ? typed.Result : default!);
        }
        else if (finished.IsCanceled)
        {
            TrySetCanceled();
        }
        else
        {
            TrySetException(finished.Exception!.InnerExceptions);
        }
    }

    public void Fail(Exception exception) => TrySetException(exception);
}
