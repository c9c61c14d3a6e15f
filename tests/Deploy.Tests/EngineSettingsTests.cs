using Reservations.Deploy.Tests.Files;
using Reservations.Deploy.Tests.Settings;
using Reservations.Silo;

namespace Reservations.Deploy.Tests;

/// <summary>Every engine container of compose and Kubernetes is given settings the engine reads, valid, and all it needs.</summary>
public sealed class EngineSettingsTests
{
    // A compose service with a misspelt key, a value the engine refuses and a required setting missing.
    private const string BadCompose = """
        services:
          silo:
            image: reservations-silo
            environment:
              Orleans__Membrship: Redis
              Orleans__SiloPort: "70000"
              Storage__Provider: Postgres
              ConnectionStrings__Postgres: ${POSTGRES:?}
        """;

    [Fact]
    public void DeploymentFiles_DeclareBothEngineImages_InComposeAndKubernetes()
    {
        Assert.Equal(["reservations-api", "reservations-api", "reservations-silo", "reservations-silo", "reservations-silo"], DeploymentFiles.Compose.Engines.Select(e => e.Image.Name).Order());
        Assert.Equal(["reservations-api", "reservations-silo"], DeploymentFiles.Kubernetes.Engines.Select(e => e.Image.Name).Order());
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles.EngineNames), MemberType = typeof(DeploymentFiles))]
    public void EngineContainer_Settings_AreKnownValidAndComplete(string engine) =>
        Assert.Empty(SettingsCheck.Problems(DeploymentFiles.Engine(engine)));

    [Fact]
    public void Checker_BadSample_NamesEachProblem()
    {
        var silo = ComposeProject.Parse(BadCompose, "sample").Engines.Single();

        Assert.Equal(["sample silo: Orleans__Membrship names no setting the engine reads (Orleans:Membrship)."], SettingsCheck.UnknownVariables(silo));
        Assert.Contains("Orleans:SiloPort", Assert.Single(SettingsCheck.InvalidValues(silo)), StringComparison.Ordinal);
        var missing = SettingsCheck.MissingSettings(silo).ToList();
        Assert.Contains("sample silo: Orleans:Membership is required for reservations-silo but not set.", missing);
        Assert.Contains("sample silo: ConnectionStrings:Redis is required for reservations-silo but not set.", missing);
    }

    [Fact]
    public void SilosAndGateways_OfOneDeployment_ShareClusterAndServiceIds()
    {
        var defaults = new OrleansSettings();
        foreach (var engines in new[] { DeploymentFiles.Compose.Engines, DeploymentFiles.Kubernetes.Engines })
        {
            Assert.Single(engines.Select(e => e.Setting("Orleans:ClusterId")?.Text ?? defaults.ClusterId).Distinct());
            Assert.Single(engines.Select(e => e.Setting("Orleans:ServiceId")?.Text ?? defaults.ServiceId).Distinct());
        }
    }

    [Fact]
    public void ComposeSilos_AdvertiseTheirOwnFixedAddress_EachADifferentOne()
    {
        var compose = DeploymentFiles.Compose;
        var silos = compose.ServiceNames.Where(s => EngineImage.Named(compose.Image(s)) == EngineImage.Silo).ToList();
        foreach (var silo in silos)
        {
            var address = compose.FixedAddress(silo, "cluster");
            Assert.NotNull(address);
            Assert.Equal(address, compose.Variables(silo)["Orleans__AdvertisedAddress"].Text);
        }

        Assert.Equal(silos.Count, silos.Select(s => compose.FixedAddress(s, "cluster")).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles.KubernetesEngineNames), MemberType = typeof(DeploymentFiles))]
    public void KubernetesSilo_AdvertisedAddress_IsThePodIp(string engine)
    {
        var container = DeploymentFiles.Engine(engine);
        if (container.Image == EngineImage.Silo)
        {
            Assert.Equal(new SettingValue(SettingSource.Field, "status.podIP"), container.Setting("Orleans:AdvertisedAddress"));
        }
    }
}
