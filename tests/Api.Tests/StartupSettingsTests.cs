using Microsoft.Extensions.Options;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>A bad setting stops the engine at start with the setting's name, before it serves anything.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider")]
    [InlineData("Storage:Provider", "Postgres", "ConnectionStrings:Postgres is not set")]
    [InlineData("Storage:Sqlite:Path", " ", "Storage:Sqlite:Path")]
    [InlineData("Orleans:ClusterId", "two words", "Orleans:ClusterId")]
    [InlineData("Orleans:ResponseTimeout", "00:00:00.5", "Orleans:ResponseTimeout")]
    [InlineData("Orleans:CollectionAge", "soon", "Orleans")]
    [InlineData("Orleans:CollectionAge", "00:01:00", "Orleans:CollectionAge")]
    [InlineData("Storage:Postgres:MaxPoolSize", "0", "Storage:Postgres:MaxPoolSize")]
    [InlineData("Orleans:Membership", "Zookeeper", "Orleans:Membership")]
    [InlineData("Orleans:Membership", "Redis", "ConnectionStrings:Redis is not set")]
    [InlineData("Orleans:Membership", "Redis", "set Storage:Provider to Postgres")]
    [InlineData("Orleans:Membership", "Redis", "set Webhooks:SigningKey")]
    [InlineData("Webhooks:SigningKey", "c2hvcnQ=", "Webhooks:SigningKey must be base64 of at least 32 bytes")]
    [InlineData("Engine:Mode", "Cluster", "Engine:Mode")]
    [InlineData("Engine:Mode", "Gateway", "set Jwt:SigningKey")]
    [InlineData("Engine:Mode", "Gateway", "set ConnectionStrings:Redis", "Jwt:SigningKey", "c2lnbmluZy1rZXktb2YtYXQtbGVhc3QtMzItYnl0ZXMtbG9uZw==")]
    public async Task Start_BadSetting_RefusesWithTheSettingsName(string key, string value, string named, string? otherKey = null, string? otherValue = null)
    {
        await using var storage = new SqliteEngineStorage();
        var settings = new Dictionary<string, string?>(storage.Settings) { [key] = value };
        if (otherKey is not null)
        {
            settings[otherKey] = otherValue;
        }

        await using var factory = new ApiFactory(settings, FakeClock.Create());

        var failure = Record.Exception(() => factory.CreateClient());

        var refused = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    private static Exception? Unwrap(Exception? failure) => failure is AggregateException { InnerException: { } inner } ? Unwrap(inner) : failure;
}
