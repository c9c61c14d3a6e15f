using Reservations.LoadTest.Core;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Scenarios;

/// <summary>
/// Group holds over a shared pool: each user asks for 2–4 random seats at once (POST /reserve-seats), then releases
/// the group (half the time) or confirms it with one paymentId. Every seat of a granted group is logged as a hold and
/// every seat of a confirm as an attempt, so the checker sees each seat as it sees single holds.
/// </summary>
public sealed class GroupScenario(ScenarioContext context, IReadOnlyList<SeatRef> seats) : IScenario
{
    private const double ConfirmShare = 0.5;
    private const int MaxTries = 64;

    private readonly int[] _booked = new int[seats.Count];
    private int _bookedCount;

    public IReadOnlyList<string> Notes =>
        Volatile.Read(ref _bookedCount) + 4 > seats.Count ? [$"group booked nearly all {seats.Count} seats: the users stopped early."] : [];

    public Task RunAsync(Meter meter, CancellationToken stop, CancellationToken abort) =>
        UserLoops.RunAsync(context.Users, async (user, _) =>
        {
            while (!stop.IsCancellationRequested && Volatile.Read(ref _bookedCount) + 4 <= seats.Count)
            {
                var picked = PickSeats(Random.Shared.Next(2, 5));
                if (picked.Count < 2)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), abort);
                    continue;
                }

                var hold = await context.Client.ReserveGroupAsync(meter, user, [.. picked.Select(i => seats[i].SeatId)], abort);
                if (!hold.Granted)
                {
                    await UserLoops.PauseIfNotServedAsync(hold.Status, abort);
                    continue;
                }

                await UseHoldAsync(meter, user, picked, hold, abort);
            }
        });

    // A group is of one entity (the API refuses others with 400), and the pool is seeded an entity per
    // AdminClient.MaxSeatsPerSeed seats, in order: every seat is picked from the first one's entity.
    private List<int> PickSeats(int count)
    {
        var picked = new List<int>(count);
        var first = Random.Shared.Next(seats.Count);
        var entityStart = first - (first % AdminClient.MaxSeatsPerSeed);
        var entitySize = Math.Min(AdminClient.MaxSeatsPerSeed, seats.Count - entityStart);
        for (var tries = 0; picked.Count < count && tries < MaxTries; tries++)
        {
            var index = tries == 0 ? first : entityStart + Random.Shared.Next(entitySize);
            if (Volatile.Read(ref _booked[index]) == 0 && !picked.Contains(index))
            {
                picked.Add(index);
            }
        }

        return picked;
    }

    private async Task UseHoldAsync(Meter meter, UserSession user, List<int> picked, GroupReserveResult hold, CancellationToken abort)
    {
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
            var reply = await context.Client.ConfirmGroupAsync(meter, user, hold.ReservationToken!, paymentId, abort);
            foreach (var index in picked)
            {
                var seatId = seats[index].SeatId;
                var bookingId = reply.BookingIdsBySeat.GetValueOrDefault(seatId);
                context.Log.Add(new ConfirmAttempt(seatId, paymentId, [new ConfirmReply(reply.Status, bookingId, reply.ReceivedAt)]));
                if (bookingId is not null && Interlocked.Exchange(ref _booked[index], 1) == 0)
                {
                    Interlocked.Increment(ref _bookedCount);
                }
            }
        }

        foreach (var index in picked)
        {
            context.Log.Add(new GrantedHold(seats[index].SeatId, hold.ExpiresAt, hold.ReceivedAt, endSentAt, OfGroup: true));
        }
    }
}
