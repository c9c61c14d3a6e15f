using System.Text.RegularExpressions;
using Reservations.Deploy.Tests.Files;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests;

/// <summary>Health checks ask the engine's health endpoints, on the port it listens on.</summary>
public sealed partial class ProbeTests
{
    [Theory]
    [MemberData(nameof(DeploymentFiles.KubernetesEngineNames), MemberType = typeof(DeploymentFiles))]
    public void KubernetesProbes_AskLiveAndReady_OnTheListeningPort(string engine)
    {
        var container = DeploymentFiles.Engine(engine);
        var expected = new Dictionary<string, string> { ["startupProbe"] = "/health/live", ["livenessProbe"] = "/health/live", ["readinessProbe"] = "/health/ready" };

        Assert.Contains(container.Probes, p => p.Kind == "livenessProbe");
        Assert.Contains(container.Probes, p => p.Kind == "readinessProbe");
        Assert.All(container.Probes, probe =>
        {
            Assert.Equal(expected[probe.Kind], probe.Path);
            Assert.Contains(probe.Port ?? -1, container.ListeningPorts);
        });
    }

    [Fact]
    public void Caddy_SendsToEveryGateway_OnItsPort_AndChecksReadiness()
    {
        var caddyfile = File.ReadAllText(RepositoryFiles.PathOf("deploy/compose/Caddyfile"));
        var gateways = DeploymentFiles.Compose.Engines.Where(e => e.Image == EngineImage.Api).ToList();
        var upstreams = ReverseProxy().Match(caddyfile).Groups["upstreams"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            gateways.Select(g => $"{g.Where.Split(' ')[^1]}:{Assert.Single(g.ListeningPorts)}").Order(),
            upstreams.Order());
        Assert.Matches(@"(?m)^\s*health_uri /health/ready$", caddyfile);
        Assert.Matches(@"(?m)^\s*lb_policy round_robin$", caddyfile);
    }

    [GeneratedRegex(@"reverse_proxy (?<upstreams>[^{\n]+)\{")]
    private static partial Regex ReverseProxy();
}
