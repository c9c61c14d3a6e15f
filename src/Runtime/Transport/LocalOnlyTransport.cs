using System.Reflection;

namespace Reservations.Runtime.Transport;

/// <summary>The lone silo's transport: there is nowhere else to send a call.</summary>
internal sealed class LocalOnlyTransport : IGrainTransport
{
    public Task<object?> InvokeAsync(SiloAddress target, GrainId grainId, MethodInfo method, object?[] arguments, CancellationToken cancellationToken) =>
        Task.FromException<object?>(new SiloUnavailableException($"No transport to silo {target}: this silo runs alone."));
}
