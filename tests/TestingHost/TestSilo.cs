using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reservations.Runtime;
using Reservations.Runtime.Hosting;

namespace Reservations.TestingHost;

/// <summary>One silo of a <see cref="TestCluster"/>, with its own service provider.</summary>
public sealed class TestSilo(IHost host) : IAsyncDisposable
{
    private bool _down;

    public IServiceProvider Services => host.Services;

    public Silo Silo => host.Services.GetRequiredService<Silo>();

    public IGrainFactory GrainFactory => Silo.GrainFactory;

    internal Task StartAsync() => host.StartAsync();

    /// <summary>Graceful stop: every activation deactivates and may write its state.</summary>
    public async Task StopAsync()
    {
        if (!_down)
        {
            _down = true;
            await host.StopAsync();
        }
    }

    /// <summary>A crash: no grain code runs any more, nothing is flushed.</summary>
    public void Kill()
    {
        _down = true;
        Silo.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
