using System.Threading.Channels;
using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Scenarios;

/// <summary>Fresh seats for the distinct scenario, seeded in batches through the admin API ahead of demand.</summary>
public sealed class SeatSupply(AdminClient admin, string appId, int lowWater, int maxSeats)
{
    private readonly Channel<SeatRef> _seats = Channel.CreateUnbounded<SeatRef>();
    private int _seeded;
    private int _batches;
    private int _failedTopUps;

    public int Seeded => Volatile.Read(ref _seeded);

    public bool Exhausted => Seeded >= maxSeats && _seats.Reader.Count == 0;

    /// <summary>Top-ups during the run that the engine refused or did not answer (a failover); the next one is tried shortly.</summary>
    public int FailedTopUps => Volatile.Read(ref _failedTopUps);

    /// <summary>The entity prefix of the <paramref name="batch"/>th top-up (from 1).</summary>
    public static string EntityPrefix(int batch) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"distinct-{batch}");

    public bool TryTake(out SeatRef seat) => _seats.Reader.TryRead(out seat!);

    public async Task TopUpAsync(CancellationToken cancellationToken)
    {
        var size = Math.Min(lowWater, maxSeats - Seeded);
        if (size <= 0)
        {
            return;
        }

        var seats = await admin.SeedAsync(appId, EntityPrefix(Interlocked.Increment(ref _batches)), size, cancellationToken);
        foreach (var seat in seats)
        {
            _seats.Writer.TryWrite(seat);
        }

        Interlocked.Add(ref _seeded, seats.Count);
    }

    /// <summary>Keeps at least <c>lowWater</c> seats ready until <paramref name="stop"/>.</summary>
    public async Task FeedAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested && Seeded < maxSeats)
        {
            if (_seats.Reader.Count < lowWater && await TryTopUpAsync(abort))
            {
                continue;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> TryTopUpAsync(CancellationToken abort)
    {
        try
        {
            await TopUpAsync(abort);
            return true;
        }
        catch (LoadTestException)
        {
            Interlocked.Increment(ref _failedTopUps);
            return false;
        }
    }

    /// <summary>Waits for a seat; false when the run stops or no more will come.</summary>
    public async ValueTask<(bool Found, SeatRef? Seat)> TakeAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && !Exhausted)
        {
            if (TryTake(out var seat))
            {
                return (true, seat);
            }

            try
            {
                await _seats.Reader.WaitToReadAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return (false, null);
    }
}
