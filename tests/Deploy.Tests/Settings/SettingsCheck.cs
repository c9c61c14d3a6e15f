using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Reservations.Deploy.Tests.Settings;

/// <summary>What is wrong with the settings a container is given, each problem as a sentence.</summary>
internal static class SettingsCheck
{
    private static readonly string[] HostPrefixes = ["DOTNET_", "ASPNETCORE_"];

    /// <summary>The configuration key a variable sets: host prefixes dropped, <c>__</c> read as <c>:</c>.</summary>
    public static string ConfigurationKey(string variable)
    {
        var prefix = HostPrefixes.FirstOrDefault(p => variable.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return (prefix is null ? variable : variable[prefix.Length..]).Replace("__", ":", StringComparison.Ordinal);
    }

    public static IEnumerable<string> Problems(EngineContainer container) =>
        UnknownVariables(container).Concat(InvalidValues(container)).Concat(MissingSettings(container));

    public static IEnumerable<string> UnknownVariables(EngineContainer container) =>
        container.Variables.Keys
            .Where(variable => !SettingsCatalog.Reads(ConfigurationKey(variable)))
            .Select(variable => $"{container}: {variable} names no setting the engine reads ({ConfigurationKey(variable)}).");

    /// <summary>The literal values, bound and validated by the code the engine validates its settings with at start.</summary>
    public static IEnumerable<string> InvalidValues(EngineContainer container)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            container.Variables.Where(pair => pair.Value.Source == SettingSource.Literal)
                .Select(pair => KeyValuePair.Create(ConfigurationKey(pair.Key), (string?)pair.Value.Text))).Build();
        var read = typeof(Silo.Settings).GetMethod(nameof(Silo.Settings.Read))!;
        var problems = new List<string>();
        foreach (var (section, type) in SettingsCatalog.Sections)
        {
            try
            {
                read.MakeGenericMethod(type).Invoke(null, [configuration, section]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is OptionsValidationException invalid)
            {
                problems.Add($"{container}: {invalid.Message}");
            }
        }

        return problems;
    }

    public static IEnumerable<string> MissingSettings(EngineContainer container)
    {
        foreach (var (key, required) in container.Image.Requires)
        {
            var value = container.Setting(key);
            if (value is null)
            {
                yield return $"{container}: {key} is required for {container.Image} but not set.";
            }
            else if (required is not null && value.Text != required)
            {
                yield return $"{container}: {key} must be {required}, not {value.Text}.";
            }
        }
    }
}
