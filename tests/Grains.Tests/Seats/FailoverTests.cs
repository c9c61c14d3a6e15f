using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using Reservations.Grains.Bookings;
using Reservations.Grains.Inventory;
using Reservations.Grains.Seats;
using Reservations.Grains.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Grains.Tests.Seats;

/// <summary>
/// A cluster on PostgreSQL, the cluster's store, losing a silo to a crash (no goodbye: the others
/// learn it from missed probes) or to a graceful stop, and gaining one, while callers keep calling.
/// A call caught by a leaving silo is rejected (OrleansMessageRejectionException); the API sends
/// such a call again, up to three times in all (src/Api/Endpoints/SiloLeaving.cs), and so do these callers.
/// The process-level version of these runs, with kill -9 under HTTP load, is deploy/local/failover.sh.
/// </summary>
public sealed class FailoverTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>
{
    private const int Callers = 300;

    [Fact]
    public async Task SiloKilledDuringHotSeatRace_OneWinner_AndItsConfirmationKept()
    {
        await using var cluster = await StartAsync(silos: 2);
        var (doomed, survivor) = (cluster.Silos[1], cluster.Silos[0]);
        var seat = await SeatOnAsync(cluster, doomed);
        var grains = GrainsOf(survivor);
        var winners = new ConcurrentBag<(string User, HoldResult Hold)>();
        var failed = new ConcurrentBag<string>();

        var race = RaceAsync(Callers, async i =>
        {
            var user = $"U-{i}";
            try
            {
                var hold = await grains.GetGrain<ISeatGrain>(seat).TryHoldAsync(user);
                if (hold.Outcome == HoldOutcome.Granted)
                {
                    winners.Add((user, hold));
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                failed.Add(user); // Caught in the crash: the answer is lost, the hold may or may not be stored.
            }
        });
        await cluster.KillSiloAsync(doomed);
        await race;

        // The losers of the crash ask again, as a client retrying a 503 would; still one winner at most.
        foreach (var loser in failed)
        {
            var retried = await RetryAsync(() => grains.GetGrain<ISeatGrain>(seat).TryHoldAsync(loser));
            if (retried.Outcome == HoldOutcome.Granted)
            {
                winners.Add((loser, retried));
            }
        }

        var stored = await Seeding.StoredAsync(cluster.Storage, grains.GetGrain<ISeatGrain>(seat));
        Assert.Equal(SeatStatus.Held, stored!.Status);
        Assert.True(winners.Count <= 1, $"{winners.Count} callers were granted the seat");
        if (winners.IsEmpty)
        {
            // The one hold was stored and its answer lost in the crash: nobody can confirm it, and it expires.
            Assert.Contains(stored.HolderUserId, failed);
            return;
        }

        var (user, hold) = Assert.Single(winners);
        Assert.Equal(user, stored.HolderUserId);
        var booking = (await grains.GetGrain<ISeatGrain>(seat).ConfirmAsync(hold.ReservationToken!, user, "PAY")).Booking;
        Assert.NotNull(booking);
        var ledger = await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, Limit: 500));
        Assert.Equal(booking, Assert.Single(ledger, b => b.SeatId == booking.SeatId));
    }

    [Fact]
    public async Task ConfirmRacingTheCrash_SucceedsOnceOrFailsAndSucceedsOnRetry_NeverTwice()
    {
        await using var cluster = await StartAsync(silos: 2);
        var (doomed, survivor) = (cluster.Silos[1], cluster.Silos[0]);
        var seats = await SeatsOnAsync(cluster, doomed, count: 20);
        var grains = GrainsOf(survivor);
        var holds = await Task.WhenAll(seats.Select(async (s, i) => (Seat: s, User: $"U-{i}", Hold: await grains.GetGrain<ISeatGrain>(s).TryHoldAsync($"U-{i}"))));
        Assert.All(holds, h => Assert.Equal(HoldOutcome.Granted, h.Hold.Outcome));

        var confirms = holds.Select(h => Task.Run(async () =>
        {
            try
            {
                return (Answer: (ConfirmResult?)await grains.GetGrain<ISeatGrain>(h.Seat).ConfirmAsync(h.Hold.ReservationToken!, h.User, $"PAY-{h.User}"), h);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                return (Answer: null, h);
            }
        })).ToList();
        await cluster.KillSiloAsync(doomed);
        var answers = await Task.WhenAll(confirms);

        foreach (var (answer, (seat, user, hold)) in answers)
        {
            // The payment confirms again with the same token: the same booking, whoever answered first.
            var again = await RetryAsync(() => grains.GetGrain<ISeatGrain>(seat).ConfirmAsync(hold.ReservationToken!, user, $"PAY-{user}"));
            Assert.NotNull(again.Booking);
            if (answer is not null)
            {
                Assert.Equal(answer.Booking, again.Booking);
            }
        }

        var ledger = await cluster.Ledger.QueryAsync(new BookingQuery(AppId: Seeding.AppId, Limit: 500));
        foreach (var seat in seats)
        {
            Assert.Single(ledger, b => b.SeatId == GrainKeys.IdOf(seat));
        }
    }

    [Fact]
    public async Task HoldsOfTheKilledSilo_ExpireAtTheirTime_AndTheSeatsAreFreeAgain()
    {
        await using var cluster = await StartAsync(silos: 2);
        var (doomed, survivor) = (cluster.Silos[1], cluster.Silos[0]);
        var seats = await SeatsOnAsync(cluster, doomed, count: 5);
        var grains = GrainsOf(survivor);
        var holds = await Task.WhenAll(seats.Select(s => grains.GetGrain<ISeatGrain>(s).TryHoldAsync("U-holder")));
        await Seeding.WaitForSweepAsync(cluster, grains.GetGrain<ISeatGrain>(seats[0]));
        var page = Seeding.PageOf(grains, grains.GetGrain<ISeatGrain>(seats[0]));
        var sweep = await cluster.Reminders.ReadRow(page.GetGrainId(), InventoryPageGrain.SweepReminder);

        await cluster.KillSiloAsync(doomed);
        foreach (var seat in seats)
        {
            Assert.Equal(HoldOutcome.Unavailable, (await RetryAsync(() => grains.GetGrain<ISeatGrain>(seat).TryHoldAsync("U-other"))).Outcome);
        }

        // The sweep comes a period after the holds end, from the reminder the survivor now owns. A tick
        // sent before the survivor knows the silo is dead would go to the page's dead activation, and
        // the next would come a period later.
        await cluster.WaitUntilDeclaredDeadAsync(doomed.SiloAddress);
        await ReminderReadiness.WaitForTickArmedAsync(page.GetGrainId(), survivor.SiloAddress);

        // The seats, active again on the survivor, tell the page, active again too, of their holds. The
        // page keeps the sweep it finds registered: registering it again would move it.
        await Eventually.ReturnsAsync(() => RetryAsync(page.ListAsync), views => views.Count(v => v.Status == SeatStatus.Held) == seats.Length, "the page to hear of every hold");
        Assert.Equal(sweep!.ETag, (await cluster.Reminders.ReadRow(page.GetGrainId(), InventoryPageGrain.SweepReminder))!.ETag);
        cluster.Clock.Advance(holds[0].ExpiresAt!.Value - cluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Seeding.WaitUntilSweptAsync(cluster, grains.GetGrain<ISeatGrain>(seats[0]));
        foreach (var seat in seats)
        {
            Assert.Equal(HoldOutcome.Granted, (await grains.GetGrain<ISeatGrain>(seat).TryHoldAsync("U-after")).Outcome);
        }
    }

    [Fact]
    public async Task SiloAddedUnderLoad_TakesNewActivations_AndAGracefulStopFailsNoCall()
    {
        await using var cluster = await StartAsync(silos: 1);
        var grains = cluster.Grains;
        var failures = new ConcurrentBag<Exception>();
        using var stop = new CancellationTokenSource();
        var seats = await Seeding.NewSeatsAsync(grains, 200);
        var load = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i += 16)
            {
                try
                {
                    var seat = seats[i % seats.Length];
                    var user = $"U-{worker}";
                    var hold = await AsTheApiCallsAsync(() => seat.TryHoldAsync(user));
                    if (hold.Outcome == HoldOutcome.Granted)
                    {
                        await AsTheApiCallsAsync(() => seat.ReleaseAsync(hold.ReservationToken!, user));
                    }
                }
                catch (Exception exception)
                {
                    failures.Add(exception);
                }
            }
        })).ToList();

        var added = await cluster.StartSiloAsync();
        var fresh = await Seeding.NewSeatsAsync(grains, 200);
        await Task.WhenAll(fresh.Select(s => s.GetAsync()));
        Assert.Contains(fresh, s => cluster.SiloOf(s.GetGrainId()) == added.SiloAddress);
        seats = [.. seats, .. fresh];

        await cluster.StopSiloAsync(added);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.Empty(failures);
    }

    private Task<GrainsCluster> StartAsync(short silos) =>
        // Calls caught on a dead silo fail after this, rather than after the default 30 s.
        GrainsCluster.StartAsync(fixture.Store, silos, configure: services => services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));

    private static IGrainFactory GrainsOf(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IGrainFactory>();

    private static async Task<string> SeatOnAsync(GrainsCluster cluster, InProcessSiloHandle silo) => (await SeatsOnAsync(cluster, silo, 1))[0];

    /// <summary>
    /// Keys of seats of one new entity whose activations live on <paramref name="silo"/>. Orleans'
    /// default placement prefers the calling silo without promising it, so the seats are woken from
    /// there, and a new entity is tried while too few of them landed.
    /// </summary>
    private static async Task<string[]> SeatsOnAsync(GrainsCluster cluster, InProcessSiloHandle silo, int count)
    {
        for (var entity = 1; ; entity++)
        {
            var seats = await Seeding.NewSeatsAsync(GrainsOf(silo), count * 8);
            await Task.WhenAll(seats.Select(s => s.GetAsync()));
            var on = seats.Where(s => cluster.SiloOf(s.GetGrainId()) == silo.SiloAddress).Take(count).Select(s => s.GetPrimaryKeyString()).ToArray();
            if (on.Length == count || entity == 10)
            {
                Assert.Equal(count, on.Length);
                return on;
            }
        }
    }

    /// <summary>As the API's endpoints call a seat: up to three times while a silo is stopping or gone.</summary>
    private static async Task<T> AsTheApiCallsAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (OrleansMessageRejectionException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Calls until the cluster answers: a call caught in the move fails, and its retry reaches the grain's new home.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException && attempt < 20)
            {
            }
        }
    }

    private static async Task RaceAsync(int count, Func<int, Task> call)
    {
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(() =>
        {
            start.Wait();
            return call(i);
        })).ToList();
        start.Set();
        await Task.WhenAll(calls);
    }
}
