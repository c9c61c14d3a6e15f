using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>Every user holds and confirms a seat of its own, over and over, each time on a fresh seat.</summary>
public sealed class DistinctScenario(ScenarioContext context, SeatSupply supply) : IScenario
{
    private const int MaxSeats = 1_000_000;

    private long _refused;

    public IReadOnlyList<string> Notes =>
    [
        $"distinct seeded {supply.Seeded} seats in batches during the run (admin traffic, not measured).",
        .. Interlocked.Read(ref _refused) > 0 ? [$"distinct: {_refused} holds on fresh seats were refused."] : Array.Empty<string>(),
        .. supply.FailedTopUps > 0 ? [$"distinct: {supply.FailedTopUps} seat top-ups failed (engine busy or unreachable) and were tried again."] : Array.Empty<string>(),
        .. supply.Exhausted ? [$"distinct ran out of seats ({MaxSeats})."] : Array.Empty<string>(),
    ];

    public static async Task<DistinctScenario> CreateAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var supply = new SeatSupply(context.Admin, context.AppId, Math.Max(1_000, context.Users.Count * 10), MaxSeats);
        await supply.TopUpAsync(cancellationToken);
        await supply.TopUpAsync(cancellationToken);
        return new DistinctScenario(context, supply);
    }

    public async Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort)
    {
        var feeder = supply.FeedAsync(stop, abort);
        await UserLoops.RunAsync(context.Users, async (user, _) =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (found, seat) = await supply.TakeAsync(stop);
                if (!found)
                {
                    return;
                }

                var hold = await context.Client.ReserveAsync(meter, user, seat!, abort);
                if (!hold.Granted)
                {
                    Interlocked.Increment(ref _refused);
                    await UserLoops.PauseIfNotServedAsync(hold.Status, abort);
                    continue;
                }

                if (context.Options.HoldFor > TimeSpan.Zero)
                {
                    await Task.Delay(context.Options.HoldFor, abort);
                }

                var paymentId = UserLoops.NewPaymentId();
                var endSentAt = DateTimeOffset.UtcNow;
                var replies = await context.Confirms.ConfirmAsync(meter, user, hold.ReservationToken!, paymentId, abort);
                context.Log.Add(new GrantedHold(seat!.SeatId, hold.ExpiresAt, hold.ReceivedAt, endSentAt));
                context.Log.Add(new ConfirmAttempt(seat.SeatId, paymentId, replies));
            }
        });
        await feeder;
    }
}
