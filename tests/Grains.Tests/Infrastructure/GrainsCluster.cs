using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;
using Reservations.Grains.Bookings;
using Reservations.Grains.Webhooks;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Infrastructure;

/// <summary>
/// Orleans' in-process test cluster running the reservation grains on a <see cref="TestStore"/> and a
/// fake clock. Tests call grains through a silo's own grain factory, as the co-hosted API does.
/// </summary>
public sealed class GrainsCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private GrainsCluster(InProcessTestCluster cluster, TestStore store, FakeTimeProvider clock)
    {
        _cluster = cluster;
        Store = store;
        Clock = clock;
    }

    public TestStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public IReadOnlyList<InProcessSiloHandle> Silos => _cluster.Silos;

    /// <summary>The grain factory of the first silo still running.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The first running silo's grain storage, to see what is stored.</summary>
    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public IBookingLedger Ledger => Services.GetRequiredService<IBookingLedger>();

    public IServiceProvider Services => _cluster.GetActiveSilos().First().ServiceProvider;

    /// <summary>Starts <paramref name="silos"/> silos on the store.</summary>
    /// <param name="configure">Extra services each silo gets (options, test doubles), added after the engine's own.</param>
    public static async Task<GrainsCluster> StartAsync(
        TestStore store, short silos = 1, FakeTimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        clock ??= FakeClock.Create();
        ReminderReadiness.Listen();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = store.ServiceId;
        builder.ConfigureSiloHost((_, host) => host.Services.UseFakeClock(clock));
        builder.ConfigureSilo((_, silo) =>
        {
            store.Configure(silo);
            silo.Services.AddSingleton(new WebhookSigningKey(RandomNumberGenerator.GetBytes(32)));
            silo.AddReservationGrains();
            configure?.Invoke(silo.Services);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            foreach (var silo in cluster.Silos)
            {
                await ReminderReadiness.WaitForServiceAsync(silo.SiloAddress);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new GrainsCluster(cluster, store, clock);
    }

    /// <summary>Starts one more silo and waits until its reminder service has started.</summary>
    public async Task<InProcessSiloHandle> StartSiloAsync()
    {
        var silo = await _cluster.StartAdditionalSiloAsync();
        await ReminderReadiness.WaitForServiceAsync(silo.SiloAddress);
        return silo;
    }

    /// <summary>A graceful stop: activations deactivate and their grains come back elsewhere.</summary>
    public Task StopSiloAsync(InProcessSiloHandle silo) => _cluster.StopSiloAsync(silo);

    /// <summary>A crash: the silo stops without telling anyone; the others find out from missed probes.</summary>
    public Task KillSiloAsync(InProcessSiloHandle silo) => _cluster.KillSiloAsync(silo);

    /// <summary>
    /// Waits until every running silo's membership has declared <paramref name="silo"/> dead: only then
    /// does a call meant for one of its activations (a reminder's tick among them) reach a new one.
    /// </summary>
    public Task WaitUntilDeclaredDeadAsync(SiloAddress silo) => Eventually.ReturnsAsync(
        () => Task.FromResult(_cluster.GetActiveSilos().All(s =>
            s.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(silo) == SiloStatus.Dead)),
        dead => dead,
        $"{silo} to be declared dead",
        TimeSpan.FromSeconds(60));

    /// <summary>The silo that holds the grain's activation, if it is active.</summary>
    public SiloAddress? SiloOf(GrainId grainId) => _cluster.TryGetGrainContext(grainId, out var context) ? context.Address.SiloAddress : null;

    /// <summary>Deactivates the grain (its next call activates it again from storage) and waits until it has.</summary>
    public Task DeactivateAsync(GrainId grainId) => _cluster.DeactivateAsync(grainId);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
