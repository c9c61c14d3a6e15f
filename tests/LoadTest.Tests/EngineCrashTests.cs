using Reservations.LoadTest.Core;
using Reservations.LoadTest.Engine;
using Reservations.LoadTest.Metrics;
using Reservations.LoadTest.Scenarios;
using Reservations.LoadTest.Tests.Infrastructure;
using Reservations.TestSupport;
using Xunit.Abstractions;

namespace Reservations.LoadTest.Tests;

/// <summary>
/// Durability is not traded for speed (issue 13, item 4): users hold and confirm seats while the engine
/// process gets SIGKILL (on PostgreSQL the database server is SIGKILLed and restarted under the same load
/// first); then everything restarts on the same storage. Every hold answered 201 still keeps others out
/// and still confirms (I1), every booking answered 201 is in the ledger (I4), a confirmation the crash cut
/// off gives a booking when repeated, no seat has two bookings (I2), and the ledger holds no booking that
/// was not answered 201 or cut off.
/// </summary>
public sealed class EngineCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Users = 16;
    private const int SeatsPerUser = 400;
    private const int BookingsPerPhase = 100;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("engine-crash-");

    [Fact]
    public Task KillNine_EngineUnderLoad_OnSqlite_KeepsEveryAnsweredHoldAndBooking() => CrashAndRestartAsync(postgres: null);

    [Fact]
    public async Task KillNine_PostgresThenEngineUnderLoad_KeepsEveryAnsweredHoldAndBooking()
    {
        await using var postgres = await CrashablePostgres.CreateAsync();
        await CrashAndRestartAsync(postgres);
    }

    public void Dispose() => _data.Delete(recursive: true);

    private async Task CrashAndRestartAsync(CrashablePostgres? postgres)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var ct = timeout.Token;
        var options = new ChildEngineOptions(DllPath: null, postgres?.ConnectionString, ServerCpus: null, _data.FullName);
        var meter = new Meter();
        var log = new AnsweredLog();
        string appId, apiKey;
        UserSession[] users;

        await using (var engine = await ChildEngine.StartAsync(options, ct))
        {
            using var http = LoadTestHttp.Create(engine.BaseAddress, Users * 2);
            var admin = new AdminClient(http);
            await admin.LogInAsync(engine.AdminUser, engine.AdminPassword, ct);
            var app = await admin.CreateAppAsync("Crash", ct);
            (appId, apiKey) = (app.AppId, app.ApiKey);
            await admin.LiftLimitsAsync(appId, ct);
            var seats = await admin.SeedAsync(appId, "crash", Users * SeatsPerUser, ct);
            var tenant = new TenantClient(http, appId, apiKey);
            users = await Task.WhenAll(Enumerable.Range(0, Users).Select(u =>
                tenant.SignUpAsync($"crash-{u}@example.com", "crash-password-1", $"User {u}", homeGateway: 0, ct)));

            var load = Task.WhenAll(Enumerable.Range(0, Users).Select(u => Task.Run(() =>
                HoldAndBookUntilCutOffAsync(tenant, meter, u, users[u], [.. seats.Where((_, i) => i % Users == u)], log, ct))));

            if (postgres is not null)
            {
                await BookedAtLeastAsync(log, BookingsPerPhase, load);
                var busyBefore = log.BusyCount;
                await postgres.KillAsync();
                await Eventually.ReturnsAsync(
                    () => Task.FromResult(log.BusyCount), busy => busy > busyBefore || !log.Wrong.IsEmpty || load.IsCompleted, "the engine to answer 503 without its database");
                await postgres.StartAsync();
            }

            await BookedAtLeastAsync(log, log.BookedCount + BookingsPerPhase, load);
            await engine.KillAsync();
            await load;
        }

        output.WriteLine(
            $"before the kill: {log.Held.Count} holds and {log.Booked.Count} bookings answered 201, {log.Unknown.Count} confirmations cut off, {log.BusyCount} answers 503");
        Assert.Empty(log.Wrong);
        Assert.NotEmpty(log.Held);
        Assert.True(postgres is null || log.BusyCount > 0, "the engine was never seen without its database");

        await using var restarted = await ChildEngine.StartAsync(options, ct);
        using var again = LoadTestHttp.Create(restarted.BaseAddress, Users);
        var tenantAgain = new TenantClient(again, appId, apiKey);
        // The users' clients were bound to the killed engine's port.
        users = [.. users.Select(user => tenantAgain.Session(user.UserId, user.Token, homeGateway: 0))];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Users, CancellationToken = ct };
        var expected = new Dictionary<string, string>(log.Booked, StringComparer.Ordinal);

        // I1: every hold answered 201 keeps everyone else out, and its holder can still pay.
        await Parallel.ForEachAsync(log.Held, parallel, async (held, token) =>
        {
            var other = users[(held.Holder + 1) % Users];
            Assert.Equal(409, (await tenantAgain.ReserveAsync(meter, other, held.Seat, token)).Status);
            var booking = await tenantAgain.ConfirmAsync(meter, users[held.Holder], held.Token, $"pay-{held.Token}", token);
            Assert.Equal(201, booking.Status);
            lock (expected)
            {
                expected.Add(held.Seat.SeatId, booking.BookingId!);
            }
        });

        // A confirmation cut off by a crash either booked the seat or never reached it (the hold is still
        // live): repeated with the same token and paymentId, it gives a booking either way.
        await Parallel.ForEachAsync(log.Unknown, parallel, async (cut, token) =>
        {
            var reply = await tenantAgain.ConfirmAsync(meter, users[cut.Holder], cut.Token, cut.PaymentId, token);
            Assert.True(reply.Status is 200 or 201, $"repeating a cut-off confirmation answered {reply.Status}");
            lock (expected)
            {
                expected.Add(cut.Seat.SeatId, reply.BookingId!);
            }
        });

        var admin2 = new AdminClient(again);
        await admin2.LogInAsync(restarted.AdminUser, restarted.AdminPassword, ct);
        var ledger = await admin2.ListBookingsAsync(appId, ct);
        Assert.Empty(ledger.GroupBy(b => b.SeatId).Where(g => g.Count() > 1).Select(g => g.Key)); // I2
        Assert.All(log.Booked, booked => Assert.Contains(ledger, b => b.SeatId == booked.Key && b.BookingId == booked.Value)); // I4
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), ledger.Select(b => KeyValuePair.Create(b.SeatId, b.BookingId)).OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    private static Task BookedAtLeastAsync(AnsweredLog log, int bookings, Task load) =>
        Eventually.ReturnsAsync(() => Task.FromResult(log.BookedCount), booked => booked >= bookings || load.IsCompleted, $"{bookings} bookings", LoadTimeout);

    /// <summary>
    /// Holds seat after seat (each user's seats are its own) and confirms two holds in three, until the
    /// engine stops answering. A 503 (storage down) leaves that seat's hold or booking unknown and moves on.
    /// </summary>
    private static async Task HoldAndBookUntilCutOffAsync(
        TenantClient tenant, Meter meter, int holder, UserSession user, IReadOnlyList<SeatRef> seats, AnsweredLog log, CancellationToken ct)
    {
        for (var i = 0; i < seats.Count; i++)
        {
            var hold = await tenant.ReserveAsync(meter, user, seats[i], ct);
            switch (hold.Status)
            {
                case 201:
                    break;
                case 0:
                    return;
                case 503:
                    log.AddBusy();
                    await UserLoops.PauseIfNotServedAsync(hold.Status, ct);
                    continue;
                default:
                    log.Wrong.Add($"holding a seat no one else asks for answered {hold.Status}");
                    continue;
            }

            var token = hold.ReservationToken!;
            if (i % 3 == 2)
            {
                log.Held.Add((holder, seats[i], token));
                continue;
            }

            var paymentId = $"pay-{token}";
            var booking = await tenant.ConfirmAsync(meter, user, token, paymentId, ct);
            switch (booking.Status)
            {
                case 201:
                    log.AddBooked(seats[i], booking.BookingId!);
                    break;
                case 0 or 503:
                    log.Unknown.Add((holder, seats[i], token, paymentId));
                    if (booking.Status == 0)
                    {
                        return;
                    }

                    log.AddBusy();
                    await UserLoops.PauseIfNotServedAsync(booking.Status, ct);
                    break;
                default:
                    log.Wrong.Add($"confirming a live hold answered {booking.Status}");
                    break;
            }
        }
    }
}
