using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Runtime.Invocation;
using Reservations.Runtime.Storage;

namespace Reservations.Runtime.Activation;

/// <summary>
/// Creates grain instances: constructor parameters of type <see cref="IPersistentState{TState}"/>
/// get a state bound to the grain id, everything else comes from the service provider.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, GrainTypeRegistry registry, IGrainStorage storage, JsonSerializerOptions json)
{
    private const string DefaultStateName = "state";

    private readonly ConcurrentDictionary<Type, Func<GrainId, (Grain, IGrainState[])>> _factories = new();

    public (Grain Grain, IGrainState[] States) Create(GrainId grainId) =>
        _factories.GetOrAdd(registry.ImplementationOf(grainId.Type), BuildFactory)(grainId);

    private Func<GrainId, (Grain, IGrainState[])> BuildFactory(Type grainClass)
    {
        var constructor = grainClass.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"{grainClass} has no public constructor.");
        var parameters = constructor.GetParameters();
        return grainId =>
        {
            var states = new List<IGrainState>();
            var arguments = new object[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = IsPersistentState(parameters[i].ParameterType, out var stateType)
                    ? CreateState(grainId, parameters[i], stateType, states)
                    : services.GetRequiredService(parameters[i].ParameterType);
            }

            return ((Grain)constructor.Invoke(arguments), states.ToArray());
        };
    }

    private object CreateState(GrainId grainId, ParameterInfo parameter, Type stateType, List<IGrainState> states)
    {
        var name = parameter.GetCustomAttribute<PersistentStateAttribute>()?.StateName ?? DefaultStateName;
        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = json.GetTypeInfo(stateType);
        }
        catch (NotSupportedException exception)
        {
            throw new InvalidOperationException($"State type {stateType} is not in any JSON context given to SiloBuilder.AddJsonTypeInfoResolver.", exception);
        }

        var state = (IGrainState)Activator.CreateInstance(typeof(PersistentState<>).MakeGenericType(stateType), grainId, name, storage, typeInfo)!;
        states.Add(state);
        return state;
    }

    private static bool IsPersistentState(Type type, out Type stateType)
    {
        var isState = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IPersistentState<>);
        stateType = isState ? type.GetGenericArguments()[0] : typeof(void);
        return isState;
    }
}
