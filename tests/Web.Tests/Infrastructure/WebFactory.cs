using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reservations.TestSupport;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>
/// The engine as <c>dotnet run</c> starts it, on a real Kestrel port a browser can open, with its
/// co-hosted silo on a port of its own and grains on a fake clock the test moves.
/// </summary>
public sealed class WebFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly FakeTimeProvider _time;

    public WebFactory(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider time)
    {
        _settings = settings;
        _time = time;
        UseKestrel(0);
    }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddFilter(_ => false));
        builder.ConfigureTestServices(services => services.UseFakeClock(_time));
    }
}
