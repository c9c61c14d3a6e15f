using Microsoft.Extensions.DependencyInjection;
using Reservations.Runtime.Hosting;
using Reservations.Runtime.Tests.Grains;
using Reservations.TestingHost;

namespace Reservations.Runtime.Tests;

internal static class RuntimeTestCluster
{
    public static TestCluster Create(Func<ISiloStorage> storage, Probe probe, Action<SiloOptions>? options = null) =>
        new(
            storage,
            silo => silo.AddGrains(typeof(CounterGrain).Assembly).AddJsonTypeInfoResolver(TestJsonContext.Default),
            options,
            services => services.AddSingleton(probe));
}
