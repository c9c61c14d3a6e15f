using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Skewed (Zipf) popularity over many seats. A refused hold is retried a couple of times; a granted one is released
/// (70%) or paid for (30%) with 2–3 simultaneous Pay clicks carrying the same token and paymentId.
/// </summary>
public sealed class MixedScenario(ScenarioContext context, IReadOnlyList<SeatRef> seats) : IScenario
{
    private const int RetriesPerSeat = 2;
    private const double ConfirmShare = 0.3;
    private const int ScanForFreeSeat = 64;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(5);

    private readonly ZipfSampler _popularity = new(seats.Count, context.Options.ZipfExponent);
    private readonly int[] _booked = new int[seats.Count];
    private int _bookedCount;

    public IReadOnlyList<string> Notes =>
        Volatile.Read(ref _bookedCount) >= seats.Count ? [$"mixed booked all {seats.Count} seats: the users stopped early."] : [];

    public Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort) =>
        UserLoops.RunAsync(context.Users, async (user, _) =>
        {
            while (!stop.IsCancellationRequested && Volatile.Read(ref _bookedCount) < seats.Count)
            {
                if (PickSeat() is not { } index)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), abort);
                    continue;
                }

                for (var attempt = 0; attempt <= RetriesPerSeat && !stop.IsCancellationRequested; attempt++)
                {
                    var hold = await context.Client.ReserveAsync(meter, user, seats[index], abort);
                    if (hold.Granted)
                    {
                        await UseHoldAsync(meter, user, index, hold, abort);
                        break;
                    }

                    await Task.Delay(hold.Status is 0 or 503 ? TimeSpan.FromMilliseconds(10) : RetryPause, abort);
                }
            }
        });

    private int? PickSeat()
    {
        var start = _popularity.Sample(Random.Shared);
        for (var offset = 0; offset < ScanForFreeSeat; offset++)
        {
            var index = (start + offset) % seats.Count;
            if (Volatile.Read(ref _booked[index]) == 0)
            {
                return index;
            }
        }

        return null;
    }

    private async Task UseHoldAsync(Meter meter, UserSession user, int index, ReserveResult hold, CancellationToken abort)
    {
        var seat = seats[index];
        if (context.Options.HoldFor > TimeSpan.Zero)
        {
            await Task.Delay(context.Options.HoldFor, abort);
        }

        var endSentAt = DateTimeOffset.UtcNow;
        if (Random.Shared.NextDouble() >= ConfirmShare)
        {
            await context.Client.ReleaseAsync(meter, user, hold.ReservationToken!, abort);
        }
        else
        {
            var paymentId = UserLoops.NewPaymentId();
            var clicks = Random.Shared.Next(2, 4);
            var perClick = await Task.WhenAll(Enumerable.Range(0, clicks)
                .Select(_ => context.Confirms.ConfirmAsync(meter, user, hold.ReservationToken!, paymentId, abort)));
            var replies = perClick.SelectMany(r => r).ToList();
            context.Log.Add(new ConfirmAttempt(seat.SeatId, paymentId, replies));
            if (replies.Any(r => r.Status is 200 or 201) && Interlocked.Exchange(ref _booked[index], 1) == 0)
            {
                Interlocked.Increment(ref _bookedCount);
            }
        }

        context.Log.Add(new GrantedHold(seat.SeatId, hold.ExpiresAt, hold.ReceivedAt, endSentAt));
    }
}
