using Microsoft.Extensions.Options;

namespace Reservations.Api.SeatMap;

/// <summary>
/// Registers every watched entity with its pages again each <see cref="SeatMapOptions.ResubscribePeriod"/>:
/// a page keeps watchers in memory only, so one that reactivated (after a silo left, say) learns of them
/// again within a period, and the renewal's answer brings what the feed missed meanwhile. Real time, as an
/// infrastructure loop: the grains' clock may be a test's.
/// </summary>
internal sealed class SeatMapRenewal(SeatMapFeeds feeds, IOptions<SeatMapOptions> options, ILogger<SeatMapRenewal> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResubscribePeriod, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(feeds.Current().Select(RenewAsync));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RenewAsync(SeatMapFeed feed)
    {
        try
        {
            await feed.WatchPagesAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next period tries again; the pages keep this watcher for their expiry meanwhile.
            ApiLog.SeatMapRenewalFailed(logger, exception, feed.AppId, feed.EntityId);
        }
    }
}
