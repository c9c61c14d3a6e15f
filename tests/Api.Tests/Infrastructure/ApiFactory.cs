using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// The API with its co-hosted silo, configured only through configuration keys, on a silo port of its
/// own and a fake clock; <paramref name="configureServices"/> may wrap engine services in test doubles.
/// </summary>
public sealed class ApiFactory(
    IReadOnlyDictionary<string, string?> settings, FakeTimeProvider time, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddFilter(_ => false));
        builder.ConfigureTestServices(services =>
        {
            services.UseFakeClock(time);
            configureServices?.Invoke(services);
        });
    }
}
