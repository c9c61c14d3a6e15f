using Reservations.Deploy.Tests.Files;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests;

/// <summary>The repository's deployment files, read once.</summary>
internal static class DeploymentFiles
{
    public static readonly ComposeProject Compose = ComposeProject.Load(RepositoryFiles.PathOf("deploy/compose/compose.yaml"));

    public static readonly KubernetesManifests Kubernetes = KubernetesManifests.Load("deploy/kubernetes");

    public static readonly IReadOnlyList<EngineContainer> Engines = [.. Compose.Engines, .. Kubernetes.Engines];

    public static TheoryData<string> EngineNames() => [.. Engines.Select(engine => engine.Where)];

    public static TheoryData<string> KubernetesEngineNames() => [.. Kubernetes.Engines.Select(engine => engine.Where)];

    public static EngineContainer Engine(string where) => Engines.Single(engine => engine.Where == where);
}
