using Reservations.Deploy.Tests.Files;

namespace Reservations.Deploy.Tests.Settings;

/// <summary>An HTTP probe of a container: which kind (startup, liveness, readiness), the path, the port number.</summary>
internal sealed record Probe(string Kind, string Path, int? Port);

/// <summary>
/// A container of an engine image as a deployment file declares it: its variables on top of those
/// its Dockerfile sets, how long it is given to stop, and its probes.
/// </summary>
internal sealed record EngineContainer(
    string Where,
    EngineImage Image,
    IReadOnlyDictionary<string, SettingValue> Variables,
    int GracePeriodSeconds,
    int PreStopSeconds,
    IReadOnlyList<Probe> Probes)
{
    public static IReadOnlyDictionary<string, SettingValue> WithImageVariables(EngineImage image, IEnumerable<KeyValuePair<string, SettingValue>> declared)
    {
        var variables = Dockerfile.Load(RepositoryFiles.PathOf(image.Dockerfile)).Environment
            .ToDictionary(pair => pair.Key, pair => new SettingValue(SettingSource.Literal, pair.Value), StringComparer.Ordinal);
        foreach (var (name, value) in declared)
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>The value of a configuration key (<c>A:B</c>), whichever variable spelling sets it.</summary>
    public SettingValue? Setting(string key) =>
        Variables.Where(pair => string.Equals(SettingsCheck.ConfigurationKey(pair.Key), key, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Value).LastOrDefault();

    /// <summary>The ports Kestrel listens on, from Urls.</summary>
    public IReadOnlyList<int> ListeningPorts =>
        Setting("Urls") is { Source: SettingSource.Literal } urls
            ? [.. urls.Text.Split(';').Select(url => new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port)]
            : [];

    public override string ToString() => Where;
}
