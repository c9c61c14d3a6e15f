using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Best available under contention: every user asks POST /reserve-best for the best <c>--best-count</c> seats
/// (pairs by default) of one hall of <c>--seats</c> seats (rows of <see cref="RowWidth"/>) and confirms what it
/// gets, until the engine answers that no seats fit. Every seat of a grant is logged as a group hold and every
/// confirm as an attempt, so the checker sees each seat; at the end the hall's orphans are counted and reported
/// against the offline optimum.
/// </summary>
public sealed class BestScenario(ScenarioContext context, string entityId, IReadOnlyList<int> rowWidths) : IScenario
{
    public const int RowWidth = 20;
    public const string EntityId = "best-hall";

    private readonly List<string> _notes = [];
    private int _full;

    public IReadOnlyList<string> Notes => _notes;

    public static async Task<BestScenario> CreateAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var widths = await context.Admin.SeedHallAsync(context.AppId, EntityId, context.Options.Seats, RowWidth, cancellationToken);
        return new BestScenario(context, EntityId, widths);
    }

    public async Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort)
    {
        var count = context.Options.BestCount;
        await UserLoops.RunAsync(context.Users, async (user, _) =>
        {
            while (!stop.IsCancellationRequested && Volatile.Read(ref _full) == 0)
            {
                var hold = await context.Client.ReserveBestAsync(meter, user, entityId, count, abort);
                if (hold.Status == 409)
                {
                    Interlocked.Exchange(ref _full, 1); // no seats fit together any more: the hall is as full as it gets
                    continue;
                }

                if (!hold.Granted)
                {
                    await UserLoops.PauseIfNotServedAsync(hold.Status, abort);
                    continue;
                }

                var endSentAt = DateTimeOffset.UtcNow;
                var paymentId = UserLoops.NewPaymentId();
                var reply = await context.Client.ConfirmGroupAsync(meter, user, hold.ReservationToken!, paymentId, abort);
                foreach (var seatId in hold.SeatIds)
                {
                    context.Log.Add(new GrantedHold(seatId, hold.ExpiresAt, hold.ReceivedAt, endSentAt, OfGroup: true));
                    context.Log.Add(new ConfirmAttempt(seatId, paymentId, [new ConfirmReply(reply.Status, reply.BookingIdsBySeat.GetValueOrDefault(seatId), reply.ReceivedAt)]));
                }
            }
        });

        var seats = await context.Client.ListSeatsAsync(context.Users[0], entityId, abort);
        var free = seats.Count(s => s.Status == "available");
        var orphans = HallOrphans.Count(seats.Where(s => s.Row is not null).Select(s => (s.Row!, s.Position ?? 0, s.Status == "available")));
        var optimum = HallOrphans.OfflineOptimum(rowWidths, count);
        _notes.Add($"best: {free:N0} of {seats.Count:N0} seats free at the end ({(Volatile.Read(ref _full) == 1 ? "no group of " + count + " fit any more" : "stopped by time")}); "
            + $"{orphans:N0} orphans (lone free seats beside taken ones), offline optimum {(optimum is { } o ? o.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "not computed for groups other than pairs")}.");
    }
}
