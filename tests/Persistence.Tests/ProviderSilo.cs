using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Reservations.Persistence.Tests;

/// <summary>
/// One silo running a storage provider, so the contract tests exercise the provider exactly as
/// Orleans runs it (its lifecycle, its serializer), then call it directly.
/// </summary>
public abstract class ProviderSilo : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IGrainStorage Storage { get; private set; } = null!;

    public IReminderTable Reminders { get; private set; } = null!;

    public IServiceProvider Services { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = ServiceId ?? builder.Options.ServiceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            ConfigureProvider(silo);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        var services = Services = _cluster.Silos[0].ServiceProvider;
        Storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        Reminders = services.GetRequiredService<IReminderTable>();
    }

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>The cluster's service id; null for a new one per silo.</summary>
    protected virtual string? ServiceId => null;

    protected abstract void ConfigureProvider(ISiloBuilder silo);
}
