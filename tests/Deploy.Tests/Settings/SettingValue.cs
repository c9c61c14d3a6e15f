namespace Reservations.Deploy.Tests.Settings;

/// <summary>Where a container's variable gets its value.</summary>
internal enum SettingSource
{
    /// <summary>Written in the file (or the Dockerfile, or a ConfigMap).</summary>
    Literal,

    /// <summary>A compose <c>${VARIABLE}</c> filled in from the environment or .env at start.</summary>
    Interpolated,

    /// <summary>A Kubernetes Secret.</summary>
    Secret,

    /// <summary>The downward API (a pod field).</summary>
    Field,
}

/// <summary>A variable's value: the text when the file holds it, else only where it comes from.</summary>
internal sealed record SettingValue(SettingSource Source, string Text)
{
    public static SettingValue FromComposeText(string text) =>
        new(text.Contains("${", StringComparison.Ordinal) ? SettingSource.Interpolated : SettingSource.Literal, text);
}
