using System.Collections.Concurrent;
using Reservations.LoadTest.Core;
using Reservations.LoadTest.Engine;
using Reservations.LoadTest.Metrics;
using Reservations.TestSupport;

namespace Reservations.LoadTest.Tests;

/// <summary>
/// A real crash: the engine process gets SIGKILL while users hold and confirm seats, then a new
/// process starts on the same storage. Every booking answered 201 is still there (I4), no seat has
/// two bookings (I2), a hold granted before the crash still keeps others out and still confirms
/// (I1), and a confirmation the crash cut off can be repeated to a booking the ledger lists.
/// </summary>
public sealed class EngineCrashTests : IDisposable
{
    private const int Users = 16;
    private const int SeatsPerUser = 200;
    private const int BookingsBeforeKill = 150;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("engine-crash-");

    [Fact]
    public Task KillNine_UnderLoad_OnSqlite_LosesNoBookingAndNoHold() => CrashAndRestartAsync(postgres: null);

    [Fact]
    public async Task KillNine_UnderLoad_OnPostgres_LosesNoBookingAndNoHold()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await CrashAndRestartAsync(database.ConnectionString);
    }

    public void Dispose() => _data.Delete(recursive: true);

    private async Task CrashAndRestartAsync(string? postgres)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var ct = timeout.Token;
        var options = new ChildEngineOptions(DllPath: null, postgres, ServerCpus: null, _data.FullName);
        var meter = new Meter();
        var run = new Outcomes(BookingsBeforeKill);
        string appId, apiKey;
        UserSession[] users;

        await using (var engine = await ChildEngine.StartAsync(options, ct))
        {
            using var http = LoadTestHttp.Create(engine.BaseAddress, Users * 2);
            var admin = new AdminClient(http);
            await admin.LogInAsync(engine.AdminUser, engine.AdminPassword, ct);
            var app = await admin.CreateAppAsync("Crash", ct);
            (appId, apiKey) = (app.AppId, app.ApiKey);
            var seats = await admin.SeedAsync(appId, "crash", Users * SeatsPerUser, ct);
            var tenant = new TenantClient(http, appId, apiKey);
            users = await Task.WhenAll(Enumerable.Range(0, Users).Select(u =>
                tenant.SignUpAsync($"crash-{u}@example.com", "crash-password-1", $"User {u}", homeGateway: 0, ct)));

            var workers = Task.WhenAll(Enumerable.Range(0, Users).Select(u => Task.Run(() =>
                BookUntilCutOffAsync(tenant, meter, u, users[u], seats.Where((_, i) => i % Users == u).ToList(), run, ct))));
            await Task.WhenAny(run.EnoughBooked, workers);

            await engine.KillAsync();
            await Task.WhenAll(workers);
        }

        Assert.True(run.Booked.Count >= BookingsBeforeKill, $"only {run.Booked.Count} bookings before the kill");
        Assert.NotEmpty(run.Held);

        await using var restarted = await ChildEngine.StartAsync(options, ct);
        using var again = LoadTestHttp.Create(restarted.BaseAddress, Users);
        var tenantAgain = new TenantClient(again, appId, apiKey);
        // The users' clients were bound to the killed engine's port.
        users = [.. users.Select(user => tenantAgain.Session(user.UserId, user.Token, homeGateway: 0))];

        // I1: a hold granted before the crash keeps everyone else out, and its holder can still pay.
        foreach (var (holder, seat, token) in run.Held.Take(20))
        {
            var other = users[(holder + 1) % Users];
            Assert.Equal(409, (await tenantAgain.ReserveAsync(meter, other, seat, ct)).Status);
            Assert.Equal(201, (await tenantAgain.ConfirmAsync(meter, users[holder], token, $"pay-{token}", ct)).Status);
        }

        // A confirmation cut off by the crash either never reached the seat (the hold is still live)
        // or booked it; repeating it gives a booking either way.
        var repeated = new List<string>();
        foreach (var (holder, token) in run.CutOff)
        {
            var reply = await tenantAgain.ConfirmAsync(meter, users[holder], token, $"pay-{token}", ct);
            Assert.True(reply.Status is 200 or 201, $"repeating a cut-off confirmation answered {reply.Status}");
            repeated.Add(reply.BookingId!);
        }

        var admin2 = new AdminClient(again);
        await admin2.LogInAsync(restarted.AdminUser, restarted.AdminPassword, ct);
        var ledger = await admin2.ListBookingsAsync(appId, ct);
        var listed = ledger.Select(b => b.BookingId).ToHashSet();
        Assert.All(run.Booked, id => Assert.Contains(id, listed)); // I4
        Assert.All(repeated, id => Assert.Contains(id, listed));
        var seatsBookedTwice = ledger.GroupBy(b => b.SeatId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(seatsBookedTwice); // I2
    }

    /// <summary>Holds seat after seat and confirms three holds in four, until the engine stops answering.</summary>
    private static async Task BookUntilCutOffAsync(
        TenantClient tenant, Meter meter, int holder, UserSession user, IReadOnlyList<SeatRef> seats, Outcomes run, CancellationToken ct)
    {
        for (var i = 0; i < seats.Count; i++)
        {
            var hold = await tenant.ReserveAsync(meter, user, seats[i], ct);
            if (hold.Status != 201)
            {
                Assert.Equal(0, hold.Status); // the seats are this user's alone: only the crash refuses them
                return;
            }

            var token = hold.ReservationToken!;
            if (i % 4 == 3)
            {
                run.Held.Add((holder, seats[i], token));
                continue;
            }

            var booking = await tenant.ConfirmAsync(meter, user, token, $"pay-{token}", ct);
            switch (booking.Status)
            {
                case 201:
                    run.AddBooked(booking.BookingId!);
                    break;
                case 0:
                    run.CutOff.Add((holder, token));
                    return;
                default:
                    Assert.Fail($"confirming a live hold answered {booking.Status}");
                    break;
            }
        }
    }

    private sealed class Outcomes(int enough)
    {
        private readonly TaskCompletionSource _enoughBooked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<string> Booked { get; } = [];

        /// <summary>Completes once <c>enough</c> bookings were answered 201.</summary>
        public Task EnoughBooked => _enoughBooked.Task;

        public void AddBooked(string bookingId)
        {
            Booked.Add(bookingId);
            if (Booked.Count >= enough)
            {
                _enoughBooked.TrySetResult();
            }
        }

        public ConcurrentBag<(int Holder, SeatRef Seat, string Token)> Held { get; } = [];

        public ConcurrentBag<(int Holder, string Token)> CutOff { get; } = [];
    }
}
