using System.Net;
using System.Text.Json;
using Reservations.Api.Errors;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// The served OpenAPI document is the contract the clients are generated from: it must equal the reviewed
/// copy in clients/openapi.json. clients/generate.sh runs this test with RESERVATIONS_OPENAPI_WRITE=1 to
/// refresh the copy (and then the clients).
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    public const string CheckedInPath = "clients/openapi.json";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("openapi-");
    private ApiFactory _factory = null!;
    private string _served = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:Sqlite:Path"] = Path.Combine(_data.FullName, "engine.db"),
                ["Admin:Password"] = ApiFixture.AdminPassword,
                ["Jwt:SigningKey"] = ApiFixture.SigningKey,
            },
            FakeClock.Create());
        using var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _served = CanonicalJson.Of(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task ServedDocument_EqualsTheCheckedInCopy()
    {
        var path = RepositoryFiles.PathOf(CheckedInPath);
        if (Environment.GetEnvironmentVariable("RESERVATIONS_OPENAPI_WRITE") == "1")
        {
            await File.WriteAllTextAsync(path, _served);
        }

        var checkedIn = File.Exists(path) ? CanonicalJson.Of(await File.ReadAllTextAsync(path)) : "";
        if (checkedIn != _served)
        {
            var served = Path.Combine(Path.GetTempPath(), "reservations-served-openapi.json");
            await File.WriteAllTextAsync(served, _served);
            Assert.Fail($"The served OpenAPI document differs from {CheckedInPath} (the served one is in {served}). "
                + "If the change to the contract is meant, run clients/generate.sh and review the diff of clients/.");
        }
    }

    [Fact]
    public void ServedDocument_NamesEveryOperation_AndEveryErrorCode()
    {
        using var document = JsonDocument.Parse(_served);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Route: $"{operation.Name} {path.Name}", operation.Value)))
            .ToList();
        Assert.All(operations, operation => Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Route} has no operationId"));
        Assert.Equal(operations.Count, operations.Select(o => o.Value.GetProperty("operationId").GetString()).Distinct().Count());

        var codes = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails")
            .GetProperty("properties").GetProperty("error").GetProperty("enum").EnumerateArray().Select(code => code.GetString()).ToHashSet();
        Assert.Equal(ErrorCodes.All.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }
}
