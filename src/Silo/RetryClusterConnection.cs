using Microsoft.Extensions.Logging;

namespace Reservations.Silo;

/// <summary>
/// A gateway started before any silo waits for one, rather than failing its start: operators start
/// silos and gateways in any order.
/// </summary>
internal sealed class RetryClusterConnection(ILogger<RetryClusterConnection> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        SiloLog.ClusterNotReachable(logger, Pause, exception.Message);
        await Task.Delay(Pause, cancellationToken);
        return true;
    }
}
