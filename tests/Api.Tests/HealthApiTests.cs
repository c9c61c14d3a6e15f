using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Reservations.Api.Hosting;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// GET /health/live answers while the process runs; GET /health/ready only once the engine has
/// started and its storage answers, else 503 problem+json (starting, not_ready). Each test runs an
/// engine of its own, with the storage check made on every probe (Health:StorageCheckInterval 0).
/// </summary>
public sealed class HealthApiTests : IDisposable
{
    // StorageProbe's row: read by readiness and by nothing else.
    private const string ProbeStateName = "health-probe";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("health-api-");

    [Fact]
    public async Task Ready_EngineNotStarted_503StartingWhileLiveIs200()
    {
        // Without the bootstrapper, the engine never reports that it finished starting.
        await using var factory = Start(Sqlite(), services => services.Remove(services.Single(d => d.ImplementationType == typeof(AdminBootstrapper))));
        var client = factory.CreateClient();

        var live = await (await client.GetAsync("/health/live")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("live", live.GetProperty("status").GetString());
        await (await client.GetAsync("/health/ready")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "starting");
    }

    [Fact]
    public async Task Ready_StorageReadFails_503NotReady_ThenReadyAgain()
    {
        var faults = new Faults();
        await using var factory = Start(Sqlite(), services => services.Decorate<IGrainStorage>(
            inner => new FailingGrainStorage(inner, ProbeStateName, faults, failReads: true), ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        var client = factory.CreateClient();
        await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        faults.FailNext(1);
        using var down = await client.GetAsync("/health/ready");

        await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "not_ready");
        Assert.Contains("storage", (await down.ReadJsonAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await (await client.GetAsync("/health/live")).ReadJsonAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_PostgresDatabaseDropped_503NotReady()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Storage:Sqlite:Path"] = Path.Combine(_data.FullName, "unused.db"),
        });
        var client = factory.CreateClient();
        await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        await database.DisposeAsync();

        await (await client.GetAsync("/health/ready")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "not_ready");
        await (await client.GetAsync("/health/live")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_NotEnabled_404()
    {
        await using var factory = Start(Sqlite());

        await (await factory.CreateClient().GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    public void Dispose() => _data.Delete(recursive: true);

    private Dictionary<string, string?> Sqlite() => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = Path.Combine(_data.FullName, $"{Guid.NewGuid():N}.db"),
    };

    private static ApiFactory Start(Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        settings["Admin:Password"] = ApiFixture.AdminPassword;
        settings["Jwt:SigningKey"] = ApiFixture.SigningKey;
        settings["Health:StorageCheckInterval"] = "00:00:00";
        return new ApiFactory(settings, FakeClock.Create(), configureServices);
    }
}
