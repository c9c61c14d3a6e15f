using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests;

/// <summary>
/// Each engine container sets the host's shutdown timeout, and is given longer than it (plus any
/// preStop pause) before it is killed, so a silo hands its grains over and a gateway finishes its requests.
/// </summary>
public sealed class ShutdownTests
{
    [Theory]
    [MemberData(nameof(DeploymentFiles.EngineNames), MemberType = typeof(DeploymentFiles))]
    public void GracePeriod_IsAbovePreStopAndShutdownTimeout(string engine)
    {
        var container = DeploymentFiles.Engine(engine);
        var timeout = ShutdownTimeoutAsTheHostReadsIt(container);

        Assert.True(container.Setting(SettingsCatalog.ShutdownTimeoutKey) is not null, $"{engine}: the shutdown timeout is not set, so its grace period guards the framework's default only by chance.");
        Assert.True(
            container.GracePeriodSeconds > container.PreStopSeconds + timeout.TotalSeconds,
            $"{engine}: {container.GracePeriodSeconds} s to stop, but a {container.PreStopSeconds} s pause and a {timeout.TotalSeconds} s shutdown timeout.");
    }

    /// <summary>HostOptions as a host built on the container's literal settings has them; unset, the framework's default.</summary>
    private static TimeSpan ShutdownTimeoutAsTheHostReadsIt(EngineContainer container)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            container.Variables.Where(pair => pair.Value.Source == SettingSource.Literal)
                .Select(pair => KeyValuePair.Create(SettingsCheck.ConfigurationKey(pair.Key), (string?)pair.Value.Text)));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
    }
}
