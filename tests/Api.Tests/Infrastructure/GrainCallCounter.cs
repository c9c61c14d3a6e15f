using System.Collections.Concurrent;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Counts the calls the co-hosted silo's grains receive, by grain and method name.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), int> _calls = new();

    public int CallsTo(GrainId grain, string method) => _calls.GetValueOrDefault((grain, method));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate((context.TargetId, context.MethodName), 1, (_, count) => count + 1);
        return context.Invoke();
    }
}
