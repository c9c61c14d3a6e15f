using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Api.SeatMap;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// GET /seats/live, the live seat map, read over HTTP as the frontend reads it: a snapshot, then every change
/// as it happens, per app, across reconnects, and never held up by a client that stops reading.
/// </summary>
public abstract class SeatMapApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task SeatsLive_SnapshotThenHoldConfirmRelease_EachArrivesWithHeldUntilAndServerTime()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 3);
        await using var map = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        var now = Fixture.Time.GetUtcNow();

        Assert.Equal(entityId, map.Snapshot.GetProperty("entityId").GetString());
        Assert.Equal(now, map.Snapshot.GetProperty("serverTime").GetDateTimeOffset());
        var listed = map.Snapshot.GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(seats, listed.Select(s => s.GetProperty("seatId").GetString()));
        Assert.Equal(["R1", "R2", "R3"], listed.Select(s => s.GetProperty("seatNumber").GetString()));
        Assert.Equal([11m, 12m, 13m], listed.Select(s => s.GetProperty("price").GetDecimal()));
        Assert.All(listed, s => Assert.Equal(("available", (DateTimeOffset?)null), (s.GetProperty("status").GetString(), LiveSeatMap.HeldUntil(s))));

        var token = await HoldAsync(Fixture.UserA2, seats[0]);
        var held = await map.NextSeatAsync();
        Assert.Equal(seats[0], held.GetProperty("seatId").GetString());
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Equal(now.AddMinutes(2), LiveSeatMap.HeldUntil(held));
        Assert.Equal(now, held.GetProperty("serverTime").GetDateTimeOffset());

        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-live" })).ReadJsonAsync(HttpStatusCode.Created);
        var booked = await map.NextSeatAsync();
        Assert.Equal((seats[0], "booked", (DateTimeOffset?)null), (booked.GetProperty("seatId").GetString(), booked.GetProperty("status").GetString(), LiveSeatMap.HeldUntil(booked)));

        var other = await HoldAsync(Fixture.UserA1, seats[1]);
        Assert.Equal((seats[1], "held"), Seat(await map.NextSeatAsync()));
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = other })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((seats[1], "available"), Seat(await map.NextSeatAsync()));

        // A refused hold changes nothing and sends nothing: the next event is the next change.
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
        await HoldAsync(Fixture.UserA1, seats[2]);
        Assert.Equal((seats[2], "held"), Seat(await map.NextSeatAsync()));
    }

    [Fact]
    public async Task SeatsLive_UnknownEntityBadIdOrNoCredentials_AnsweredAsSeatsIs()
    {
        await using (var empty = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), "no-such-entity"))
        {
            Assert.Equal("no-such-entity", empty.Snapshot.GetProperty("entityId").GetString());
            Assert.Empty(empty.Snapshot.GetProperty("seats").EnumerateArray());
        }

        await (await Fixture.Tenant(Fixture.AppA).GetAsync("/seats/live")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Fixture.Tenant(Fixture.AppA).GetAsync("/seats/live?entityId=a/b")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Fixture.Anonymous().GetAsync("/seats/live?entityId=e")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        await (await Fixture.Tenant(new TestApp(Fixture.AppA.AppId, Fixture.AppB.ApiKey)).GetAsync("/seats/live?entityId=e"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
    }

    [Fact]
    public async Task SeatsLive_SameEntityIdInTwoApps_EachClientSeesOnlyItsOwnApp()
    {
        var entityId = $"shared-{Guid.NewGuid():N}";
        var seatsA = await SeedEntityAsync(Fixture.AppA, entityId, 2);
        var seatsB = await SeedEntityAsync(Fixture.AppB, entityId, 2);
        Assert.Equal(seatsA, seatsB); // the same ids, app-scoped (I6)
        await using var mapA = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        await using var mapB = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppB), entityId);

        await HoldAsync(Fixture.UserB1, seatsB[0]);
        Assert.Equal((seatsB[0], "held"), Seat(await mapB.NextSeatAsync()));
        await HoldAsync(Fixture.UserA1, seatsA[1]);

        // A's first event is A's own change: B's hold of the same seat id never reached it.
        Assert.Equal((seatsA[1], "held"), Seat(await mapA.NextSeatAsync()));
        Assert.Equal("available", mapA.Seats[seatsA[0]].Status);
        await using var againA = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        Assert.Equal(["available", "held"], againA.Snapshot.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        await using var againB = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppB), entityId);
        Assert.Equal(["held", "available"], againB.Snapshot.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task SeatsLive_Reconnect_FreshSnapshotWithWhatChangedMeanwhile_ThenChanges()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 2);
        var first = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);
        Assert.Equal((seats[0], "held"), Seat(await first.NextSeatAsync()));
        await first.DisposeAsync();

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-away" })).ReadJsonAsync(HttpStatusCode.Created);
        await HoldAsync(Fixture.UserA2, seats[1]);
        await Eventually.ReturnsAsync(async () =>
        {
            await using var probe = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
            return probe.Seats[seats[1]].Status;
        }, status => status == "held", "the pages to hear of both changes");

        await using var again = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        Assert.Equal(("booked", (DateTimeOffset?)null), again.Seats[seats[0]]);
        Assert.Equal(("held", Fixture.Time.GetUtcNow().AddMinutes(2)), again.Seats[seats[1]]);
        Fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await using var afterExpiry = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        Assert.Equal(("available", (DateTimeOffset?)null), afterExpiry.Seats[seats[1]]); // dead at heldUntil (I5)

        await HoldAsync(Fixture.UserA1, seats[1]);
        Assert.Equal((seats[1], "held"), Seat(await afterExpiry.UntilAsync(seats[1], "held")));
    }

    [Fact]
    public async Task SeatsLive_ChangesWhileClientsConnect_NeverLostNorOverwrittenByAnOlderState()
    {
        const int rounds = 12;
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, rounds + 1);
        var marker = seats[rounds];
        var user = Fixture.As(Fixture.UserA1);
        for (var round = 0; round < rounds; round++)
        {
            var seat = seats[round];
            // A client connects while the seat is held and released: it must end on "available".
            var connecting = LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
            var token = await HoldAsync(Fixture.UserA1, seat);
            await (await user.PostAsJsonAsync("/release-seat", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
            await using var map = await connecting;
            while (map.Seats[seat].Status != "available")
            {
                await map.NextSeatAsync();
            }

            // Nothing older may follow: a change to another seat comes after whatever the pages sent first.
            var markerToken = await HoldAsync(Fixture.UserA2, marker);
            await map.UntilAsync(marker, "held");
            Assert.Equal("available", map.Seats[seat].Status);
            await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/release-seat", new { reservationToken = markerToken })).ReadJsonAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task SeatsLive_ClientThatStopsReading_HoldsGoOnForOthers_AndItIsCutOff()
    {
        // A snapshot of 1,000 seats outgrows what the connection buffers, so the stalled client's stream blocks.
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 1000);
        await using var stalled = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId, readSnapshot: false);
        await using var live = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);

        var changed = seats.Take(SeatMapSettings.ClientBuffer * 3).ToList();
        foreach (var (seat, i) in changed.Select((seat, i) => (seat, i)))
        {
            await (await Fixture.Tenant(Fixture.AppA, Fixture.MintUserToken(Fixture.AppA, $"U-stall-{i}")).PostAsJsonAsync("/reserve-seat", new { seatId = seat }))
                .ReadJsonAsync(HttpStatusCode.Created);
        }

        while (changed.Any(seat => live.Seats[seat].Status != "held"))
        {
            await live.NextSeatAsync();
        }

        // The stalled client, reading at last, gets its snapshot and then the end: it fell too far behind to be
        // sent change by change, and reconnecting starts it again from a fresh snapshot.
        Assert.Equal("snapshot", (await stalled.NextAsync()).Name);
        while (await stalled.NextOrEndAsync() is { } next)
        {
            Assert.Equal(":", next.Name);
        }

        await using var reconnected = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);
        Assert.All(changed, seat => Assert.Equal("held", reconnected.Seats[seat].Status));
    }

    [Fact]
    public async Task SeatsLive_FifteenSecondsOfSilenceOnTheClock_KeepAliveComment()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA);
        await using var map = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);

        Fixture.Time.Advance(SeatMapStream.KeepAlive);

        Assert.Equal(new ServerSentEvent(":", "keep-alive"), await map.NextAsync());
        await HoldAsync(Fixture.UserA1, seats[0]);
        Assert.Equal((seats[0], "held"), Seat(await map.NextSeatAsync()));
    }

    [Fact]
    public async Task SeatsLive_PageReactivatedWithoutItsWatchers_RenewalRepairsTheFeed()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 2);
        await using var map = await LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId);

        // Every idle activation goes, the catalog page and its watchers among them; the hold reactivates it.
        await Fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await HoldAsync(Fixture.UserA1, seats[1]);

        Assert.Equal((seats[1], "held"), Seat(await map.NextSeatAsync()));
    }

    [Fact]
    public async Task SeatsLive_LastClientLeaves_TheFeedIsDropped()
    {
        var (entityId, _) = await Fixture.SeedAsync(Fixture.AppA);
        var feeds = Fixture.Factory.Services.GetRequiredService<SeatMapFeeds>();
        await Eventually.ReturnsAsync(() => Task.FromResult(feeds.Count), count => count == 0, "earlier tests' feeds to go");

        var maps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => LiveSeatMap.ConnectAsync(Fixture.Tenant(Fixture.AppA), entityId)));
        Assert.Equal(1, feeds.Count); // one observer for the process, however many clients
        foreach (var map in maps)
        {
            await map.DisposeAsync();
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(feeds.Count), count => count == 0, "the feed to go with its last client");
    }

    private static (string?, string?) Seat(JsonElement json) => (json.GetProperty("seatId").GetString(), json.GetProperty("status").GetString());

    private async Task<string> HoldAsync(TestUser user, string seatId)
    {
        var body = await (await Fixture.As(user).PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("reservationToken").GetString()!;
    }

    private async Task<string[]> SeedEntityAsync(TestApp app, string entityId, int count)
    {
        var seats = Enumerable.Range(1, count).Select(i => new { seatNumber = $"S{i}", price = 5m }).ToArray();
        var body = await (await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new { appId = app.AppId, entityId, seats })).ReadJsonAsync(HttpStatusCode.Created);
        return [.. body.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()!)];
    }
}

public sealed class SqliteSeatMapApiTests(SqliteSeatMapFixture fixture) : SeatMapApiTests<SqliteSeatMapFixture>(fixture);

public sealed class PostgresSeatMapApiTests(PostgresSeatMapFixture fixture) : SeatMapApiTests<PostgresSeatMapFixture>(fixture);
