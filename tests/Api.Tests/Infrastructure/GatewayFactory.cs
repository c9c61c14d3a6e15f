using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reservations.Api.Security;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// The API in gateway mode: an Orleans client of the silo processes whose settings it is given,
/// holding no grain; its tenant cache runs on <see cref="CacheClock"/>, which the test moves.
/// </summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    public FakeTimeProvider CacheClock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Engine:Mode", "Gateway");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddFilter(_ => false));
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(TenantAuthCache.ClockKey, CacheClock));
    }
}
