using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Reservations.TestSupport;

namespace Reservations.LoadTest.Tests.Infrastructure;

/// <summary>The real engine in this process, on SQLite in a temp dir, configured only through configuration keys.</summary>
public sealed class InProcessEngine : IAsyncLifetime
{
    public const string AdminUser = "loadtest-admin";
    public const string AdminPassword = "loadtest-password-1234";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("loadtest-tests-");
    private Factory? _factory;

    /// <summary>A client routed to the in-process server, as one gateway's HttpClient; <paramref name="address"/> names it.</summary>
    public HttpClient CreateClient(Uri? address = null)
    {
        var factory = _factory ?? throw new InvalidOperationException("The engine is not started.");
        return new HttpClient(factory.Server.CreateHandler()) { BaseAddress = address ?? factory.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Task InitializeAsync()
    {
        _factory = new Factory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(_data.FullName, "reservations.db"),
            ["Admin:Username"] = AdminUser,
            ["Admin:Password"] = AdminPassword,
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _ = _factory.Server; // Starts the host now, not inside the first measured request.
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Delete(recursive: true);
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
