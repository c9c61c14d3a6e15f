using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Group holds (POST /reserve-seats) and their confirm and release, on every storage provider.</summary>
public abstract class GroupHoldApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The tests share AppA's users, who hold more seats in all than the engine's 10 per user: AppA allows more.</summary>
    public async Task InitializeAsync()
    {
        var limits = new
        {
            maxHoldsPerUser = 1000, windowSeconds = 60, signupsPerAddress = 1000000, signupsPerAccount = 1000000, loginsPerAddress = 1000000,
            loginsPerAccount = 1000000, holdsPerAddress = 1000000, holdsPerAccount = 1000000,
        };
        await (await Fixture.Admin().PatchAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}", new { limits })).ReadJsonAsync(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReserveSeats_AllAvailable_HoldsAllUnderOneGroupToken()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 4);

        var body = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[2], seats[0], seats[1] } }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var token = body.GetProperty("reservationToken").GetString()!;
        Assert.StartsWith("grp-", token, StringComparison.Ordinal);
        Assert.Equal([seats[0], seats[1], seats[2]], body.GetProperty("seatIds").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(Fixture.Time.GetUtcNow().AddMinutes(2), body.GetProperty("expiresAt").GetDateTimeOffset());
        foreach (var index in new[] { 0, 1, 2 })
        {
            await ListedEventuallyAsync(entityId, index, "held");
        }

        Assert.Equal("available", await StatusOfAsync(entityId, 3));
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
    }

    [Fact]
    public async Task ReserveSeats_SomeHeldOrBooked_409ListsThemAndHoldsNone()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 5);
        await HoldOneAsync(Fixture.UserA2, seats[1]);
        var booked = await HoldOneAsync(Fixture.UserA2, seats[3]);
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/confirm-booking", new { reservationToken = booked, paymentId = "pay-1" })).ReadJsonAsync(HttpStatusCode.Created);

        using var response = await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seats", new { seatIds = seats });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "seats_unavailable");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([seats[1], seats[3]], problem.GetProperty("unavailableSeatIds").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
        foreach (var free in new[] { seats[0], seats[2], seats[4] })
        {
            await HoldOneAsync(Fixture.UserA1, free); // none was left held by the refused group
        }
    }

    [Fact]
    public async Task ReserveSeats_BadLists_Clear4xx()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 11);
        var (_, other) = await Fixture.SeedAsync(Fixture.AppA, 1);
        var client = Fixture.As(Fixture.UserA1);

        await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = Array.Empty<string>() })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/reserve-seats", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[0], seats[0] } })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = seats })).AssertProblemAsync(HttpStatusCode.BadRequest, "too_many_seats");
        await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[0], other[0] } })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[0], "bad id!" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var unknown = seats[0][..seats[0].LastIndexOf(':')] + ":99";
        using var response = await client.PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[0], unknown } });
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "seat_not_found");
        Assert.Equal(unknown, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unknownSeatIds")[0].GetString());
        await HoldOneAsync(Fixture.UserA1, seats[0]); // not left held by the refused group
    }

    [Fact]
    public async Task ReserveSeats_OtherAppsSeats_NotFound()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppB, 2);

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seats", new { seatIds = seats }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "seat_not_found");
    }

    [Fact]
    public async Task ConfirmGroup_ThenRepeat_OneBookingPerSeatSamePaymentSameBookings()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 3);
        var token = await HoldGroupAsync(Fixture.UserA1, seats);
        var client = Fixture.As(Fixture.UserA1);

        var first = await (await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-group" })).ReadJsonAsync(HttpStatusCode.Created);
        var again = await (await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-group" })).ReadJsonAsync(HttpStatusCode.OK);

        var bookings = first.GetProperty("bookings").EnumerateArray().ToArray();
        Assert.Equal(seats, bookings.Select(b => b.GetProperty("seatId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(bookings, b => Assert.Equal("pay-group", b.GetProperty("paymentId").GetString()));
        Assert.Equal(
            bookings.Select(b => b.GetProperty("bookingId").GetString()).Order(),
            again.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("bookingId").GetString()).Order());
        await (await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-other" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "token_used");
        await (await client.PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");

        var mine = await (await client.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, mine.EnumerateArray().Count(b => seats.Contains(b.GetProperty("seatId").GetString())));
    }

    [Fact]
    public async Task ReleaseGroup_FreesEverySeat_ThenTokenIsDead()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 2);
        var token = await HoldGroupAsync(Fixture.UserA1, seats);

        var released = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(seats, released.GetProperty("seatIds").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal("available", released.GetProperty("status").GetString());
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await HoldGroupAsync(Fixture.UserA2, seats);
    }

    [Fact]
    public async Task GroupToken_OtherUser_403NotHolder_OtherApp_410()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 2);
        var token = await HoldGroupAsync(Fixture.UserA1, seats);

        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
        await (await Fixture.As(Fixture.UserB1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        var forged = token[..token.LastIndexOf('.')] + ".AAAAAAAAAAAAAAAAAAAAAA";
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = forged, paymentId = "pay-1" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GroupToken_AfterExpiry_410AndSeatsFree()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 2);
        var token = await HoldGroupAsync(Fixture.UserA1, seats);

        Fixture.Time.Advance(TimeSpan.FromMinutes(2));

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await HoldGroupAsync(Fixture.UserA2, seats);
    }

    [Fact]
    public async Task ReserveSeats_200ConcurrentOverlappingGroups_NoSeatWonTwiceNoRefusalLeftAHold()
    {
        const int Pool = 24;
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, Pool);
        var random = new Random(12);
        var requests = Enumerable.Range(0, 200).Select(i => (
            Client: Fixture.Tenant(Fixture.AppA, Fixture.MintUserToken(Fixture.AppA, $"U-group-{i}")),
            SeatIds: seats.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray())).ToList();
        using var start = new ManualResetEventSlim();
        var calls = requests.Select(request => Task.Run(async () =>
        {
            start.Wait();
            using var response = await request.Client.PostAsJsonAsync("/reserve-seats", new { seatIds = request.SeatIds });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (request.Client, request.SeatIds, response.StatusCode, Body: body);
        })).ToList();
        start.Set();
        var replies = await Task.WhenAll(calls);

        Assert.All(replies, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var winners = replies.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(winners);
        var won = winners.SelectMany(w => w.SeatIds).ToList();
        Assert.Equal(won.Count, won.Distinct().Count()); // no seat held by two tokens (I1)
        foreach (var refusal in replies.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("seats_unavailable", refusal.Body.GetProperty("error").GetString());
            Assert.NotEmpty(refusal.Body.GetProperty("unavailableSeatIds").EnumerateArray());
        }

        // Every seat no winner got is free (no refusal left a hold): one more group takes them all.
        var rest = seats.Except(won).ToArray();
        if (rest.Length > 0)
        {
            foreach (var chunk in rest.Chunk(10))
            {
                await HoldGroupAsync(Fixture.UserA2, chunk);
            }
        }

        // Every winner holds all its seats: its confirmation books exactly them.
        var confirmations = await Task.WhenAll(winners.Select(async w =>
        {
            using var response = await w.Client.PostAsJsonAsync("/confirm-booking", new { reservationToken = w.Body.GetProperty("reservationToken").GetString(), paymentId = "pay-race" });
            var body = await response.ReadJsonAsync(HttpStatusCode.Created);
            return (w.SeatIds, Booked: body.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("seatId").GetString()!).ToArray());
        }));
        Assert.All(confirmations, c => Assert.Equal(c.SeatIds.Order(StringComparer.Ordinal), c.Booked.Order(StringComparer.Ordinal)));
        await ListedEventuallyAsync(entityId, seats.ToList().IndexOf(won[0]), "booked");
    }

    private async Task<string> HoldOneAsync(TestUser user, string seatId)
    {
        var body = await (await Fixture.As(user).PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("reservationToken").GetString()!;
    }

    private async Task<string> HoldGroupAsync(TestUser user, IEnumerable<string> seatIds)
    {
        var body = await (await Fixture.As(user).PostAsJsonAsync("/reserve-seats", new { seatIds })).ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("reservationToken").GetString()!;
    }

    private Task ListedEventuallyAsync(string entityId, int index, string status) =>
        Reservations.TestSupport.Eventually.ReturnsAsync(() => StatusOfAsync(entityId, index), listed => listed == status, $"seat {index} of {entityId} listed {status}");

    private async Task<string?> StatusOfAsync(string entityId, int index)
    {
        var body = await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("seats")[index].GetProperty("status").GetString();
    }
}

public sealed class SqliteGroupHoldApiTests(SqliteApiFixture fixture) : GroupHoldApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresGroupHoldApiTests(PostgresApiFixture fixture) : GroupHoldApiTests<PostgresApiFixture>(fixture);
