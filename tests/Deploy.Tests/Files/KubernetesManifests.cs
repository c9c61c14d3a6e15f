using System.Globalization;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests.Files;

/// <summary>The objects of a folder of Kubernetes manifests, and the engine containers of its workloads.</summary>
internal sealed class KubernetesManifests
{
    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet"];
    private static readonly string[] ProbeKinds = ["startupProbe", "livenessProbe", "readinessProbe"];

    private KubernetesManifests(IReadOnlyList<(string File, object? Document)> objects) => Objects = objects;

    public IReadOnlyList<(string File, object? Document)> Objects { get; }

    public static KubernetesManifests Load(string relativeDirectory) =>
        new([.. RepositoryFiles.YamlIn(relativeDirectory).SelectMany(path => Yaml.Documents(path).Select(document => (Path.GetRelativePath(RepositoryFiles.Root, path), document)))]);

    public IEnumerable<(string File, object? Document)> OfKind(params string[] kinds) =>
        Objects.Where(o => kinds.Contains(Yaml.Text(o.Document, "kind")));

    public IEnumerable<EngineContainer> Engines =>
        from workload in OfKind(WorkloadKinds)
        let pod = Yaml.At(workload.Document, "spec", "template", "spec")
        from container in Yaml.List(Yaml.At(pod, "containers"))
        let image = EngineImage.Named(Yaml.Text(container, "image"))
        where image is not null
        select new EngineContainer(
            $"{workload.File} {Yaml.Text(workload.Document, "metadata", "name")}/{Yaml.Text(container, "name")}",
            image,
            EngineContainer.WithImageVariables(image, Variables(container)),
            Number(Yaml.Text(pod, "terminationGracePeriodSeconds")) ?? 30,
            PreStopSeconds(container),
            [.. Probes(container)]);

    private IEnumerable<KeyValuePair<string, SettingValue>> Variables(object? container)
    {
        foreach (var source in Yaml.List(Yaml.At(container, "envFrom")))
        {
            foreach (var (name, value) in ConfigMap(Yaml.Text(source, "configMapRef", "name")))
            {
                yield return KeyValuePair.Create((string)name, new SettingValue(SettingSource.Literal, (string)value!));
            }
        }

        foreach (var variable in Yaml.List(Yaml.At(container, "env")))
        {
            var name = Yaml.Text(variable, "name")!;
            var value = Yaml.Text(variable, "value") is { } text ? new SettingValue(SettingSource.Literal, text)
                : Yaml.At(variable, "valueFrom", "secretKeyRef") is not null ? new SettingValue(SettingSource.Secret, Yaml.Text(variable, "valueFrom", "secretKeyRef", "key")!)
                : Yaml.At(variable, "valueFrom", "fieldRef") is not null ? new SettingValue(SettingSource.Field, Yaml.Text(variable, "valueFrom", "fieldRef", "fieldPath")!)
                : throw new InvalidOperationException($"{name}: a value source these tests do not know.");
            yield return KeyValuePair.Create(name, value);
        }
    }

    private IDictionary<object, object?> ConfigMap(string? name) =>
        Yaml.Map(Yaml.At(OfKind("ConfigMap").Single(o => Yaml.Text(o.Document, "metadata", "name") == name).Document, "data"));

    private static IEnumerable<Probe> Probes(object? container)
    {
        var namedPorts = Yaml.List(Yaml.At(container, "ports"))
            .Where(port => Yaml.Text(port, "name") is not null)
            .ToDictionary(port => Yaml.Text(port, "name")!, port => Number(Yaml.Text(port, "containerPort")));
        foreach (var kind in ProbeKinds)
        {
            if (Yaml.At(container, kind, "httpGet") is { } get)
            {
                var port = Yaml.Text(get, "port")!;
                yield return new Probe(kind, Yaml.Text(get, "path") ?? "/", Number(port) ?? namedPorts.GetValueOrDefault(port));
            }
        }
    }

    private static int PreStopSeconds(object? container)
    {
        var preStop = Yaml.At(container, "lifecycle", "preStop");
        var command = Yaml.List(Yaml.At(preStop, "exec", "command")).Cast<string>().ToList();
        return command is ["sleep", var seconds] ? Number(seconds) ?? 0 : Number(Yaml.Text(preStop, "sleep", "seconds")) ?? 0;
    }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
