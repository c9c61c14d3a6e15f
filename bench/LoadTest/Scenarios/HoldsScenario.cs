using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Distinct durable holds: every request holds a fresh seat that was seeded beforehand, and nothing else follows
/// (no release, no confirm), so each 201 is one durable write and nothing more. The holds are left to expire.
/// </summary>
public sealed class HoldsScenario(ScenarioContext context, SeatSupply supply) : IScenario
{
    private const int MaxSeats = 2_000_000;

    private long _refused;

    public IReadOnlyList<string> Notes =>
    [
        $"holds seeded {supply.Seeded} seats in batches ahead of demand (admin traffic, not measured).",
        .. Interlocked.Read(ref _refused) > 0
            ? [$"holds: {_refused} holds on fresh seats were refused (too many live holds per user? shorten the hold duration or add users)."]
            : Array.Empty<string>(),
        .. supply.Exhausted ? [$"holds ran out of seats ({MaxSeats})."] : Array.Empty<string>(),
    ];

    public static async Task<HoldsScenario> CreateAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var supply = new SeatSupply(context.Admin, context.AppId, Math.Max(5_000, context.Users.Count * 25), MaxSeats);
        await supply.TopUpAsync(cancellationToken);
        await supply.TopUpAsync(cancellationToken);
        return new HoldsScenario(context, supply);
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
                if (hold.Granted)
                {
                    context.Log.Add(new GrantedHold(seat!.SeatId, hold.ExpiresAt, hold.ReceivedAt, EndSentAt: null));
                    continue;
                }

                Interlocked.Increment(ref _refused);
                await UserLoops.PauseIfNotServedAsync(hold.Status, abort);
            }
        });
        await feeder;
    }
}
