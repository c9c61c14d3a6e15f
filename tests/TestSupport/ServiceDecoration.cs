using Microsoft.Extensions.DependencyInjection;

namespace Reservations.TestSupport;

/// <summary>Wraps a registered service (keyed or not) in a test double that delegates to it.</summary>
public static class ServiceDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate, object? key = null)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService) && Equals(d.ServiceKey, key));
        services.Remove(original);
        if (key is null)
        {
            services.AddSingleton<TService>(sp => decorate((TService)Create(original, sp)));
        }
        else
        {
            services.AddKeyedSingleton<TService>(key, (sp, _) => decorate((TService)Create(original, sp)));
        }

        return services;
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) => descriptor switch
    {
        { IsKeyedService: false, ImplementationInstance: { } instance } => instance,
        { IsKeyedService: false, ImplementationFactory: { } factory } => factory(services),
        { IsKeyedService: false, ImplementationType: { } type } => ActivatorUtilities.CreateInstance(services, type),
        { KeyedImplementationInstance: { } instance } => instance,
        { KeyedImplementationFactory: { } factory } => factory(services, descriptor.ServiceKey),
        { KeyedImplementationType: { } type } => ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException($"Cannot decorate {descriptor}."),
    };
}
