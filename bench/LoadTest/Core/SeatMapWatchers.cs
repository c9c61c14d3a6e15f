namespace Reservations.LoadTest.Core;

/// <summary>
/// Seat-map clients for a whole run: each holds GET /seats/live open on one entity through its gateway (round-robin),
/// as a browser showing the live map would, counts what arrives without parsing it, and reconnects when the engine
/// ends its stream.
/// </summary>
public sealed class SeatMapWatchers : IAsyncDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _allConnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _count;
    private Task[] _loops = [];
    private long _snapshots;
    private long _seatEvents;
    private long _keepAlives;
    private long _streamsEnded;
    private long _failures;

    private SeatMapWatchers(int count) => _count = count;

    public long SeatEvents => Interlocked.Read(ref _seatEvents);

    /// <summary>Opens <paramref name="count"/> streams and returns once each has had its snapshot.</summary>
    public static async Task<SeatMapWatchers> StartAsync(
        Gateways gateways, TenantClient client, string entityId, int count, CancellationToken cancellationToken)
    {
        var watchers = new SeatMapWatchers(count);
        watchers._loops = [.. Enumerable.Range(0, count).Select(i => watchers.WatchAsync(client, i % gateways.Count, entityId))];
        try
        {
            await watchers._allConnected.Task.WaitAsync(ConnectPatience, cancellationToken);
        }
        catch (TimeoutException)
        {
            await watchers.DisposeAsync();
            throw new LoadTestException($"Only {Interlocked.Read(ref watchers._snapshots)} of {count} seat-map clients got a snapshot within {ConnectPatience.TotalSeconds} s.");
        }

        return watchers;
    }

    /// <summary>Closes the streams and reports what they received.</summary>
    public async Task<WatcherReport> StopAsync(long seatEventsMeasured)
    {
        await DisposeAsync();
        return new WatcherReport(
            _count, Interlocked.Read(ref _snapshots), SeatEvents, seatEventsMeasured, Interlocked.Read(ref _keepAlives),
            Interlocked.Read(ref _streamsEnded), Interlocked.Read(ref _failures));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_loops);
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(TenantClient client, int gateway, string entityId)
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.OpenSeatMapAsync(gateway, entityId, stop);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _failures);
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                    continue;
                }

                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (line.StartsWith("event: seat", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _seatEvents);
                    }
                    else if (line.StartsWith("event: snapshot", StringComparison.Ordinal))
                    {
                        if (Interlocked.Increment(ref _snapshots) == _count)
                        {
                            _allConnected.TrySetResult();
                        }                    }
                    else if (line.StartsWith(':'))
                    {
                        Interlocked.Increment(ref _keepAlives);
                    }
                }

                Interlocked.Increment(ref _streamsEnded); // the engine cut this client off; a browser would reconnect
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                Interlocked.Increment(ref _failures);
                await PauseAsync(stop);
            }
        }
    }

    private static async Task PauseAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
