using System.Collections.Frozen;
using System.Reflection;

namespace Reservations.Runtime.Invocation;

/// <summary>Maps grain interfaces to their type names and implementation classes.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, string> _typeNames;
    private readonly FrozenDictionary<string, Type> _implementations;

    public GrainTypeRegistry(IEnumerable<Assembly> grainAssemblies)
    {
        var typeNames = new Dictionary<Type, string>();
        var implementations = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var grainClass in grainAssemblies.SelectMany(a => a.GetTypes()).Where(IsGrainClass))
        {
            foreach (var grainInterface in grainClass.GetInterfaces().Where(IsGrainInterface))
            {
                var name = TypeNameOf(grainInterface);
                if (implementations.TryGetValue(name, out var other) && other != grainClass)
                {
                    throw new InvalidOperationException($"Grain type '{name}' ({grainInterface}) is implemented by both {other} and {grainClass}.");
                }

                typeNames[grainInterface] = name;
                implementations[name] = grainClass;
            }
        }

        _typeNames = typeNames.ToFrozenDictionary();
        _implementations = implementations.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string TypeNameOf<TGrain>() =>
        _typeNames.TryGetValue(typeof(TGrain), out var name)
            ? name
            : throw new InvalidOperationException($"No grain class implements {typeof(TGrain)}. Register its assembly with SiloBuilder.AddGrains.");

    public Type ImplementationOf(string typeName) =>
        _implementations.TryGetValue(typeName, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown grain type '{typeName}'.");

    public IEnumerable<Type> Implementations => _implementations.Values.Distinct();

    private static string TypeNameOf(Type grainInterface)
    {
        if (grainInterface.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return attribute.Name;
        }

        var name = grainInterface.Name;
        name = name.StartsWith('I') ? name[1..] : name;
        name = name.EndsWith("Grain", StringComparison.Ordinal) ? name[..^"Grain".Length] : name;
        return name.ToLowerInvariant();
    }

    private static bool IsGrainClass(Type type) => type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(Grain));

    private static bool IsGrainInterface(Type type) =>
        type.IsInterface && type != typeof(IGrainWithStringKey) && type != typeof(IRemindable) && typeof(IGrainWithStringKey).IsAssignableFrom(type);
}
