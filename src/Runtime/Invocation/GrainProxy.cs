using System.Reflection;
using Reservations.Runtime.Activation;

namespace Reservations.Runtime.Invocation;

/// <summary>
/// The object <see cref="IGrainFactory.GetGrain{TGrain}"/> returns: it implements the grain
/// interface and turns each call into a turn for the grain's activation, wherever it lives.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;

    /// <summary>The grain this reference points to.</summary>
    public GrainId GrainId { get; private set; }

    internal void Initialize(GrainRuntime runtime, GrainId grainId)
    {
        _runtime = runtime;
        GrainId = grainId;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _runtime!.Call(GrainId, GrainMethod.For(targetMethod), args ?? []);
    }
}
