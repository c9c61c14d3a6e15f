using Reservations.Api.Tests.Infrastructure;
using Reservations.Client.Generator;

namespace Reservations.Api.Tests;

/// <summary>The .NET client's generated code is what the generator makes of clients/openapi.json today.</summary>
public sealed class GeneratedClientTests
{
    private const string GeneratedFolder = "clients/dotnet/Reservations.Client/Generated";

    [Fact]
    public async Task GeneratedCode_IsWhatTheCheckedInDocumentGenerates()
    {
        var files = await ClientGenerator.GenerateAsync(await File.ReadAllTextAsync(RepositoryFiles.PathOf(OpenApiDocumentTests.CheckedInPath)));

        var folder = RepositoryFiles.PathOf(GeneratedFolder);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (name, text) in files)
        {
            Assert.True(text == await File.ReadAllTextAsync(Path.Combine(folder, name)),
                $"{GeneratedFolder}/{name} is stale against {OpenApiDocumentTests.CheckedInPath}: run clients/generate.sh and commit clients/.");
        }
    }
}
