using System.Reflection;

namespace Reservations.Runtime;

/// <summary>Carries a grain call to the silo that owns the grain, and its result back.</summary>
public interface IGrainTransport
{
    /// <summary>Invokes <paramref name="method"/> on the grain at <paramref name="target"/>; returns its result (null for a plain Task).</summary>
    Task<object?> InvokeAsync(SiloAddress target, GrainId grainId, MethodInfo method, object?[] arguments, CancellationToken cancellationToken);
}
