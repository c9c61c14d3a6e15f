using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Reservations.Runtime.Scheduling;

namespace Reservations.Runtime.Invocation;

/// <summary>
/// How to call one grain interface method: a compiled delegate (no reflection per call) and a
/// factory for the turn that carries the call and its typed result.
/// </summary>
internal abstract class GrainMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> Cache = new();

    protected GrainMethod(MethodInfo method)
    {
        Method = method;
        Invoke = Compile(method);
    }

    public MethodInfo Method { get; }

    protected Func<Grain, object?[], Task> Invoke { get; }

    public static GrainMethod For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    /// <summary>A new turn for one call of this method; its task is what the caller awaits.</summary>
    public abstract ITurn CreateTurn(object?[] arguments, long deadline, out Task callerTask);

    /// <summary>Sends one call of this method to another silo; returns the typed task the caller awaits.</summary>
    public abstract Task CallRemote(IGrainTransport transport, SiloAddress target, GrainId grainId, object?[] arguments);

    private static GrainMethod Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        Type resultType;
        if (returnType == typeof(Task))
        {
            resultType = typeof(NoResult);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            resultType = returnType.GetGenericArguments()[0];
        }
        else
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType}.{method.Name} must return Task or Task<T>.");
        }

        var methodType = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(methodType, method)!;
    }

    private static Func<Grain, object?[], Task> Compile(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(Grain), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<Grain, object?[], Task>>(call, grain, arguments).Compile();
    }
}

internal sealed class GrainMethod<TResult>(MethodInfo method) : GrainMethod(method)
{
    public override ITurn CreateTurn(object?[] arguments, long deadline, out Task callerTask)
    {
        var turn = new Turn<TResult>(Invoke, arguments, deadline);
        callerTask = turn.Task;
        return turn;
    }

    public override Task CallRemote(IGrainTransport transport, SiloAddress target, GrainId grainId, object?[] arguments) =>
        CallRemoteAsync(transport, target, grainId, arguments);

    private async Task<TResult> CallRemoteAsync(IGrainTransport transport, SiloAddress target, GrainId grainId, object?[] arguments) =>
        (TResult)(await transport.InvokeAsync(target, grainId, Method, arguments, CancellationToken.None))!;
}
