using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reservations.Runtime;
using Reservations.Runtime.Hosting;

namespace Reservations.TestingHost;

/// <summary>
/// Silos inside the test process, as Orleans.TestingHost gives: they share one storage provider
/// and one fake clock. Until cluster membership exists each silo believes it runs alone, so two
/// silos can hold duplicate activations of a grain: exactly what the ETag tests need.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Func<ISiloStorage> _storage;
    private readonly Action<SiloBuilder> _configureSilo;
    private readonly Action<SiloOptions>? _configureOptions;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly List<TestSilo> _silos = [];

    /// <param name="storage">Makes the storage each silo uses; return the same instance (or one over the same database) to share state.</param>
    /// <param name="configureSilo">Registers grains and JSON contexts.</param>
    /// <param name="configureOptions">Adjusts silo options (timeouts, collection age).</param>
    /// <param name="configureServices">Adds services the grains need.</param>
    public TestCluster(Func<ISiloStorage> storage, Action<SiloBuilder> configureSilo, Action<SiloOptions>? configureOptions = null, Action<IServiceCollection>? configureServices = null)
    {
        _storage = storage;
        _configureSilo = configureSilo;
        _configureOptions = configureOptions;
        _configureServices = configureServices;
    }

    public FakeTimeProvider Time { get; } = new();

    public IReadOnlyList<TestSilo> Silos => _silos;

    /// <summary>The first silo's grain factory.</summary>
    public IGrainFactory GrainFactory => _silos[0].GrainFactory;

    public async Task<TestSilo> StartSiloAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddFilter(_ => false);
        builder.Services.AddSingleton<TimeProvider>(Time);
        _configureServices?.Invoke(builder.Services);
        builder.Services.AddSilo(silo =>
        {
            silo.UseStorage(_ => _storage());
            _configureSilo(silo);
        });
        builder.Services.Configure<SiloOptions>(options => options.DeactivationTimeout = TimeSpan.FromSeconds(1));
        if (_configureOptions is not null)
        {
            builder.Services.Configure(_configureOptions);
        }

        var silo = new TestSilo(builder.Build());
        await silo.StartAsync();
        _silos.Add(silo);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
