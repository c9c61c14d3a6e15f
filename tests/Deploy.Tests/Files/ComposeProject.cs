using System.Globalization;
using System.Text.RegularExpressions;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests.Files;

/// <summary>A compose file's services, the engine containers among them, and their fixed addresses.</summary>
internal sealed partial class ComposeProject
{
    private readonly IDictionary<object, object?> _services;

    private ComposeProject(string where, object? document)
    {
        Where = where;
        _services = Yaml.Map(Yaml.At(document, "services"));
    }

    public string Where { get; }

    public IEnumerable<string> ServiceNames => _services.Keys.Cast<string>();

    public static ComposeProject Load(string path) => new(Path.GetRelativePath(RepositoryFiles.Root, path), Yaml.Documents(path).Single());

    public static ComposeProject Parse(string yaml, string where) => new(where, Yaml.Documents(new StringReader(yaml)).Single());

    public string? Image(string service) => Yaml.Text(_services[service], "image");

    public string? Dockerfile(string service) => Yaml.Text(_services[service], "build", "dockerfile");

    public string? FixedAddress(string service, string network) => Yaml.Text(_services[service], "networks", network, "ipv4_address");

    /// <summary>The service's variables as written (map or <c>NAME=value</c> list form).</summary>
    public IReadOnlyDictionary<string, SettingValue> Variables(string service)
    {
        var environment = Yaml.At(_services[service], "environment");
        var pairs = environment is IDictionary<object, object?> map
            ? map.Select(pair => ((string)pair.Key, pair.Value as string ?? ""))
            : Yaml.List(environment).Cast<string>().Select(item => item.Split('=', 2)).Select(parts => (parts[0], parts.ElementAtOrDefault(1) ?? ""));
        return pairs.ToDictionary(pair => pair.Item1, pair => SettingValue.FromComposeText(pair.Item2), StringComparer.Ordinal);
    }

    public IEnumerable<EngineContainer> Engines =>
        from service in ServiceNames
        let image = EngineImage.Named(Image(service))
        where image is not null
        select new EngineContainer(
            $"{Where} {service}",
            image,
            EngineContainer.WithImageVariables(image, Variables(service)),
            GracePeriodSeconds(Yaml.Text(_services[service], "stop_grace_period")),
            PreStopSeconds: 0,
            Probes: []);

    /// <summary>Compose's stop_grace_period (<c>1m30s</c>, <c>45s</c>); 10 s when unset.</summary>
    private static int GracePeriodSeconds(string? duration)
    {
        if (duration is null)
        {
            return 10;
        }

        var match = Duration().Match(duration);
        if (!match.Success)
        {
            throw new FormatException($"stop_grace_period {duration} is not minutes and seconds.");
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return Part("minutes") * 60 + Part("seconds");
    }

    [GeneratedRegex(@"^(?:(?<minutes>\d+)m)?(?:(?<seconds>\d+)s)?$")]
    private static partial Regex Duration();
}
