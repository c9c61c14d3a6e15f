using System.Text.RegularExpressions;
using Reservations.Deploy.Tests.Files;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests;

/// <summary>No secret is written in the repository: deployment files take them from Secrets or from a gitignored .env.</summary>
public sealed partial class SecretTests
{
    [Theory]
    [MemberData(nameof(DeploymentFiles.EngineNames), MemberType = typeof(DeploymentFiles))]
    public void EngineSecrets_ComeFromOutsideTheRepository(string engine)
    {
        var container = DeploymentFiles.Engine(engine);
        Assert.All(SettingsCatalog.Secrets, key => Assert.NotEqual(SettingSource.Literal, container.Setting(key)?.Source));
        Assert.All(container.Variables, pair => Assert.False(HasLiteralPassword(pair.Value), $"{engine}: {pair.Key} holds a password."));
    }

    [Fact]
    public void ComposeServices_TakePasswordsAndKeysFromTheEnvironment()
    {
        var compose = DeploymentFiles.Compose;
        var variables = compose.ServiceNames.SelectMany(compose.Variables).ToList();
        Assert.All(variables.Where(pair => SecretName().IsMatch(pair.Key)), pair => Assert.Equal(SettingSource.Interpolated, pair.Value.Source));
        Assert.All(variables, pair => Assert.False(HasLiteralPassword(pair.Value), $"{pair.Key} holds a password."));
    }

    [Fact]
    public void ComposeEnvExample_HasNamesOnly_AndTheRealFileIsIgnored()
    {
        var settings = File.ReadAllLines(RepositoryFiles.PathOf("deploy/compose/.env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        Assert.NotEmpty(settings);
        Assert.All(settings, line => Assert.EndsWith("=", line, StringComparison.Ordinal));
        Assert.Contains("deploy/compose/.env", File.ReadAllLines(RepositoryFiles.PathOf(".gitignore")));
    }

    [Fact]
    public void KubernetesSecrets_AreOnlyTheExample_WithPlaceholders()
    {
        Assert.Empty(DeploymentFiles.Kubernetes.OfKind("Secret"));
        var example = Assert.Single(KubernetesManifests.Load("deploy/kubernetes/examples").OfKind("Secret"));
        var values = Yaml.Map(Yaml.At(example.Document, "stringData")).Values.Cast<string>().ToList();
        Assert.NotEmpty(values);
        Assert.All(values, value => Assert.Matches("^<.*REPLACE_ME.*>$", value));
        Assert.Null(Yaml.At(example.Document, "data"));
    }

    [Fact]
    public void KubernetesEngines_ReadEverySecretKeyTheExampleDocuments()
    {
        var example = Assert.Single(KubernetesManifests.Load("deploy/kubernetes/examples").OfKind("Secret"));
        var documented = Yaml.Map(Yaml.At(example.Document, "stringData")).Keys.Cast<string>().Order();
        var used = DeploymentFiles.Kubernetes.Engines.SelectMany(e => e.Variables.Values).Where(v => v.Source == SettingSource.Secret).Select(v => v.Text).Distinct().Order();
        Assert.Equal(documented, used);
    }

    // A Secret's or a field's value is only its key here; written text must leave the password to ${...}.
    private static bool HasLiteralPassword(SettingValue value) =>
        value.Source is SettingSource.Literal or SettingSource.Interpolated && LiteralPassword().IsMatch(value.Text);

    [GeneratedRegex(@"password=(?!\$\{)[^;,]", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralPassword();

    [GeneratedRegex("PASSWORD|SECRET|SIGNING|KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
