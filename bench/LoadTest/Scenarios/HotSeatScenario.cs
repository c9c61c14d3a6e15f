using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Every user hammers POST /reserve-seat on one seat. The winner holds it for HoldFor, then releases it (the seat
/// cycles) or, with Confirm, books it, and the crowd moves on to the next seeded seat.
/// </summary>
public sealed class HotSeatScenario(ScenarioContext context, IReadOnlyList<SeatRef> seats) : IScenario
{
    private int _current;

    public IReadOnlyList<string> Notes => Volatile.Read(ref _current) >= seats.Count
        ? [$"hot-seat ran out of seats after booking all {seats.Count}: the users stopped early."]
        : [];

    /// <summary>One seat, or with Confirm enough for one booking per HoldFor over the whole run, plus a margin.</summary>
    public static int SeatsNeeded(LoadTestOptions options)
    {
        if (!options.Confirm)
        {
            return 1;
        }

        var cycle = Math.Max(options.HoldFor.TotalMilliseconds, 1);
        return (int)Math.Min(200_000, ((options.Duration + options.Warmup).TotalMilliseconds / cycle) + 100);
    }

    public Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort) =>
        UserLoops.RunAsync(context.Users, async (user, _) =>
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Volatile.Read(ref _current);
                if (index >= seats.Count)
                {
                    return;
                }

                var seat = seats[index];
                var hold = await context.Client.ReserveAsync(meter, user, seat, abort);
                if (!hold.Granted)
                {
                    await UserLoops.PauseIfNotServedAsync(hold.Status, abort);
                    continue;
                }

                await Task.Delay(context.Options.HoldFor, abort);
                var endSentAt = DateTimeOffset.UtcNow;
                if (context.Options.Confirm && await ConfirmAsync(meter, user, seat, hold.ReservationToken!, abort))
                {
                    Interlocked.CompareExchange(ref _current, index + 1, index);
                }
                else
                {
                    await context.Client.ReleaseAsync(meter, user, hold.ReservationToken!, abort);
                }

                context.Log.Add(new GrantedHold(seat.SeatId, hold.ExpiresAt, hold.ReceivedAt, endSentAt));
            }
        });

    private async Task<bool> ConfirmAsync(Meter meter, UserSession user, SeatRef seat, string token, CancellationToken abort)
    {
        var paymentId = UserLoops.NewPaymentId();
        var replies = await context.Confirms.ConfirmAsync(meter, user, token, paymentId, abort);
        context.Log.Add(new ConfirmAttempt(seat.SeatId, paymentId, replies));
        return replies[^1].Status is 200 or 201;
    }
}
