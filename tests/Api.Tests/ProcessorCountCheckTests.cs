using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reservations.Api.Tests.Infrastructure;
using Reservations.Silo.Observability;

namespace Reservations.Api.Tests;

/// <summary>
/// A silo on one CPU says so at start: there, gen2 collections of a sale's activations stop it for
/// seconds (docs/operations.md, "CPUs").
/// </summary>
public sealed class ProcessorCountCheckTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(16, 0)]
    public async Task Start_WarnsOnlyWithOneCpu(int processorCount, int warnings)
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));

        await new ProcessorCountCheck(processorCount, factory.CreateLogger<ProcessorCountCheck>()).StartAsync(CancellationToken.None);

        Assert.Equal(warnings, logs.Entries.Count(entry => entry.StartsWith("Warning", StringComparison.Ordinal) && entry.Contains("one CPU", StringComparison.Ordinal)));
    }

    [Fact]
    public void Engine_RunsTheCheck()
    {
        Assert.Contains(fixture.Factory.Services.GetServices<IHostedService>(), service => service is ProcessorCountCheck);
    }
}
