using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Reservations.TestSupport;
using StackExchange.Redis;

namespace Reservations.Silo.Tests;

/// <summary>
/// Orleans' Redis membership (Microsoft.Orleans.Clustering.Redis 10.4.2) with StackExchange.Redis
/// 3.4.35, against the real redis-server that scripts/test.sh starts: two silos join one cluster
/// through it, and a client finds their gateways through it.
/// </summary>
public sealed class RedisClusteringTests
{
    private readonly string _clusterId = $"redis-test-{Guid.NewGuid():N}";

    [Fact]
    public async Task TwoSilosAndAClient_OnRedisMembership_SeeBothSilosActive()
    {
        using var first = await StartSiloAsync();
        using var second = await StartSiloAsync();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UseRedisClustering(options => options.ConfigurationOptions = Redis())
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (_clusterId, "reservations")));
        using var client = builder.Build();
        await client.StartAsync();

        var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var active = await Eventually.ReturnsAsync(
            () => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, "both silos active in the membership table");
        Assert.All(active.Values, status => Assert.Equal(SiloStatus.Active, status));

        await client.StopAsync();
        await second.StopAsync();
        await first.StopAsync();
    }

    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo
            .UseRedisClustering(options => options.ConfigurationOptions = Redis())
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (_clusterId, "reservations"))
            .ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next()));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static ConfigurationOptions Redis() => ConfigurationOptions.Parse(RedisServer.Configuration);
}
