using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Every user holds a fresh seat of its own, seeded ahead of demand, over and over. <see cref="Distinct"/>
/// confirms each hold (a hold and a booking: every request a durable write); <see cref="Holds"/> sends
/// nothing after the hold and leaves it to expire, so each 201 is one durable write and nothing more.
/// </summary>
public sealed class FreshSeatsScenario(ScenarioContext context, SeatSupply supply, FreshSeatsScenario.Shape shape) : IScenario
{
    public static readonly Shape Distinct = new("distinct", Confirm: true, SeedPerUser: 10, MinSeed: 1_000, MaxSeats: 1_000_000);

    public static readonly Shape Holds = new("holds", Confirm: false, SeedPerUser: 25, MinSeed: 5_000, MaxSeats: 2_000_000);

    private long _refused;

    public IReadOnlyList<string> Notes =>
    [
        $"{shape.Name} seeded {supply.Seeded} seats in batches ahead of demand (admin traffic, not measured).",
        .. Interlocked.Read(ref _refused) > 0
            ? [$"{shape.Name}: {_refused} holds on fresh seats were refused (too many live holds per user? shorten the hold duration or add users)."]
            : Array.Empty<string>(),
        .. supply.FailedTopUps > 0 ? [$"{shape.Name}: {supply.FailedTopUps} seat top-ups failed (engine busy or unreachable) and were tried again."] : Array.Empty<string>(),
        .. supply.Exhausted ? [$"{shape.Name} ran out of seats ({shape.MaxSeats})."] : Array.Empty<string>(),
    ];

    public static async Task<FreshSeatsScenario> CreateAsync(ScenarioContext context, Shape shape, CancellationToken cancellationToken)
    {
        var supply = new SeatSupply(context.Admin, context.AppId, Math.Max(shape.MinSeed, context.Users.Count * shape.SeedPerUser), shape.MaxSeats);
        await supply.TopUpAsync(cancellationToken);
        await supply.TopUpAsync(cancellationToken);
        return new FreshSeatsScenario(context, supply, shape);
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

                if (!shape.Confirm)
                {
                    context.Log.Add(new GrantedHold(seat!.SeatId, hold.ExpiresAt, hold.ReceivedAt, EndSentAt: null));
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

    /// <summary>What a run does after each hold, and how many fresh seats it seeds: per user, at least, at most.</summary>
    public sealed record Shape(string Name, bool Confirm, int SeedPerUser, int MinSeed, int MaxSeats);
}
