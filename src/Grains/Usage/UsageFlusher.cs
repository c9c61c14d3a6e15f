using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reservations.Grains.Usage;

/// <summary>
/// Flushes the <see cref="UsageMeter"/> every <see cref="ReservationOptions.UsageFlushPeriod"/>, and
/// once more when the host stops. The final flush runs in <see cref="StoppingAsync"/>, which the host
/// calls before stopping any service, so the silo still serves the tenant grains then.
/// </summary>
internal sealed class UsageFlusher(UsageMeter meter, TimeProvider timeProvider, IOptions<ReservationOptions> options, ILogger<UsageFlusher> logger)
    : IHostedLifecycleService, IDisposable
{
    private ITimer? _timer;
    private int _running;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.UsageFlushPeriod;
        _timer = timeProvider.CreateTimer(static s => _ = ((UsageFlusher)s!).FlushInBackgroundAsync(), this, period, period);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        try
        {
            await meter.FlushAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            GrainsLog.UsageFlushFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _timer?.Dispose();

    private async Task FlushInBackgroundAsync()
    {
        // A slow flush must not pile up behind itself.
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            await meter.FlushAsync();
        }
        catch (Exception exception)
        {
            GrainsLog.UsageFlushFailed(logger, exception);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
