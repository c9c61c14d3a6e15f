using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reservations.Silo.Observability;

/// <summary>
/// Warns once at start when the silo has a single CPU: there, .NET's gen2 collections of a sale's
/// activations stop the whole process for seconds, background or not (docs/operations.md, "CPUs").
/// </summary>
public sealed class ProcessorCountCheck(int processorCount, ILogger<ProcessorCountCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (processorCount < 2)
        {
            SiloLog.OneProcessor(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
