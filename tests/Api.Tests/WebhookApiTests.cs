using System.Net;
using System.Net.Http.Json;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Api.Tests.Infrastructure;
using Reservations.Grains;
using Reservations.Grains.Webhooks;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// Webhooks end to end: endpoints registered through the admin API, events sent to a real HTTP
/// receiver on 127.0.0.1, signed, retried on the engine's (fake) clock, listed and replayed.
/// Each test makes an app of its own, so endpoints of one test never see another's events.
/// </summary>
public abstract class WebhookApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private static readonly string[] AllEvents = ["booking.confirmed", "hold.expired", "hold.released", "seat.released"];

    [Fact]
    public async Task Confirm_SendsOneSignedBookingConfirmed_ListedAsDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var secret = endpoint.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);

        var (_, seats) = await fixture.SeedAsync(app, 1);
        var booking = await BookAsync(user, seats[0], "pay-1");

        var received = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length >= 1, "the delivery");
        var delivery = Assert.Single(received);
        Assert.True(delivery.IsSignedWith(secret), "the signature verifies with the endpoint's secret");
        Assert.False(delivery.IsSignedWith(secret[..^4] + "AAA="), "and not with another");
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.Timestamp);
        var json = delivery.Json;
        Assert.Equal(delivery.Id, json.GetProperty("id").GetString());
        Assert.Equal("booking.confirmed", json.GetProperty("type").GetString());
        Assert.Equal(app.AppId, json.GetProperty("appId").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(booking.GetProperty("bookingId").GetString(), data.GetProperty("bookingId").GetString());
        Assert.Equal(seats[0], data.GetProperty("seatId").GetString());
        Assert.Equal(user.UserId, data.GetProperty("userId").GetString());
        Assert.Equal("pay-1", data.GetProperty("paymentId").GetString());

        var listed = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", "the delivery listed as delivered");
        Assert.Equal(delivery.Id, listed[0].GetProperty("eventId").GetString());
        Assert.Equal(delivery.Body, listed[0].GetProperty("payload").GetString());
        var attempt = Assert.Single(listed[0].GetProperty("attempts").EnumerateArray());
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("nextAttemptAt").ValueKind);
    }

    [Fact]
    public async Task ReceiverDown_RetriedAfterBackoff_WithTheSameEventId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(503);
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 1);
        await BookAsync(user, seats[0], "pay-retry");

        var failed = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 1 && d[0].GetProperty("attempts").GetArrayLength() == 1, "the first attempt recorded");
        Assert.Equal("pending", failed[0].GetProperty("status").GetString());
        Assert.Equal(503, failed[0].GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
        var firstAt = failed[0].GetProperty("attempts")[0].GetProperty("at").GetDateTimeOffset();
        Assert.Equal(firstAt.AddSeconds(10), failed[0].GetProperty("nextAttemptAt").GetDateTimeOffset());

        // Still down at the second attempt, then back: the third, a minute later, is delivered.
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count), n => n == 2, "the second attempt");
        await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d[0].GetProperty("attempts").GetArrayLength() == 2, "the second attempt recorded");
        receiver.AnswerWith(200);
        fixture.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, receiver.Received.Count);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));

        var delivered = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d[0].GetProperty("status").GetString() == "delivered", "delivered at the third attempt");
        Assert.Equal(3, delivered[0].GetProperty("attempts").GetArrayLength());
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task ReleaseAndExpiry_SendTheirEvents_OnlyToSubscribedEndpoints()
    {
        await using var everything = await WebhookReceiver.StartAsync();
        await using var bookingsOnly = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, everything.Url, AllEvents);
        await RegisterAsync(app, bookingsOnly.Url, "booking.confirmed");
        var other = await fixture.SignUpAsync(app, $"other-{Guid.NewGuid():N}@example.com");
        var (_, seats) = await fixture.SeedAsync(app, 2);
        var client = fixture.As(user);

        var released = await HoldAsync(user, seats[0]);
        (await client.PostAsJsonAsync("/release-seat", new { reservationToken = released })).EnsureSuccessStatusCode();
        await HoldAsync(user, seats[1]);
        fixture.Time.Advance(TimeSpan.FromSeconds(121));
        await HoldAsync(other, seats[1]); // finds the first hold expired

        // The expiry's events come as the dispatcher's reminder scans the outbox: still each is sent once.
        await Eventually.ReturnsAsync(() => DeliveriesAsync(app, endpoint), AllDelivered(4), "four events delivered");
        Assert.Equal(4, everything.Received.Count);
        var releasedEvent = Assert.Single(everything.OfType("hold.released"));
        Assert.Equal(seats[0], releasedEvent.Json.GetProperty("data").GetProperty("seatId").GetString());
        var expired = Assert.Single(everything.OfType("hold.expired"));
        Assert.Equal(seats[1], expired.Json.GetProperty("data").GetProperty("seatId").GetString());
        Assert.Equal(user.UserId, expired.Json.GetProperty("data").GetProperty("userId").GetString());
        Assert.Equal(
            [seats[0], seats[1]],
            everything.OfType("seat.released").Select(r => r.Json.GetProperty("data").GetProperty("seatId").GetString()).Order());
        Assert.Empty(bookingsOnly.Received);
    }

    [Fact]
    public async Task EventFoundByAScan_BeforeItsHandOverCame_IsSentOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, AllEvents);
        var endpointId = endpoint.GetProperty("endpointId").GetString()!;
        var dispatcher = fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IWebhookDispatcherGrain>(GrainKeys.Scoped(app.AppId, endpointId));
        var (_, seats) = await fixture.SeedAsync(app, 1);

        // A seat recorded an event; before its hand-over comes, a scan (a retry, the reminder) finds and sends it.
        var now = fixture.Time.GetUtcNow();
        var id = WebhookEventIds.New(now);
        var late = new WebhookEvent(app.AppId, id, "seat.released", now, $$"""{"id":"{{id}}","type":"seat.released"}""", [endpointId]);
        await fixture.Factory.Services.GetRequiredService<IWebhookOutbox>().RecordAsync([late]);
        await dispatcher.PokeAsync();
        await Eventually.ReturnsAsync(() => DeliveriesAsync(app, endpoint), AllDelivered(1), "the scanned event delivered");
        await dispatcher.RecordedAsync([late]);

        // Events handed over after it are sent after it: once they are delivered, a second copy would have been too.
        var token = await HoldAsync(user, seats[0]);
        (await fixture.As(user).PostAsJsonAsync("/release-seat", new { reservationToken = token })).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(() => DeliveriesAsync(app, endpoint), AllDelivered(3), "the release's events delivered");
        Assert.Single(receiver.Received, r => r.Id == id);
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task SeatActivatedAgain_DoesNotSendItsLastEventsAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, AllEvents);
        var (_, seats) = await fixture.SeedAsync(app, 1);
        var client = fixture.As(user);
        (await client.PostAsJsonAsync("/release-seat", new { reservationToken = await HoldAsync(user, seats[0]) })).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(() => DeliveriesAsync(app, endpoint), AllDelivered(2), "the first release's events delivered");

        // The seat goes idle and is collected; the next hold activates it from storage, where the last change's events still are.
        await fixture.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        (await client.PostAsJsonAsync("/release-seat", new { reservationToken = await HoldAsync(user, seats[0]) })).EnsureSuccessStatusCode();

        await Eventually.ReturnsAsync(() => DeliveriesAsync(app, endpoint), AllDelivered(4), "the second release's events delivered");
        Assert.Equal(4, receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(4, receiver.Received.Count);
    }

    [Fact]
    public async Task StuckReceiver_DoesNotHoldUpConfirmations()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Close();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 20);
        // Nineteen holds at once by one user: past the engine's 10 per user, so this app allows more.
        var limits = new
        {
            maxHoldsPerUser = 50, windowSeconds = 60, signupsPerAddress = 1000, signupsPerAccount = 1000, loginsPerAddress = 1000, loginsPerAccount = 1000,
            holdsPerAddress = 1000, holdsPerAccount = 1000,
        };
        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { limits })).ReadJsonAsync(HttpStatusCode.OK);

        // The first delivery gets stuck at the receiver; every later confirmation is answered meanwhile.
        var first = await BookAsync(user, seats[0], "pay-0");
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count), n => n == 1, "the receiver holding the first delivery");
        var bookings = (await Task.WhenAll(seats.Skip(1).Select((seat, i) => BookAsync(user, seat, $"pay-{i + 1}")))).Prepend(first).ToArray();
        Assert.Equal(20, bookings.Select(b => b.GetProperty("bookingId").GetString()).Distinct().Count());
        Assert.Single(receiver.Received);

        receiver.Open();
        await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 20 && d.All(x => x.GetProperty("status").GetString() == "delivered"), "all 20 delivered");
        Assert.Equal(
            bookings.Select(b => b.GetProperty("bookingId").GetString()).Order(),
            receiver.Received.Select(r => r.Json.GetProperty("data").GetProperty("bookingId").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task BurstOfConfirmations_EachSentOnce_AndListedDeliveredWithItsOneAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 10);

        await Task.WhenAll(seats.Select((seat, i) => BookAsync(user, seat, $"pay-burst-{i}")));

        // The dispatcher gathers outcomes while events keep coming; the list stores them before it reads.
        var deliveries = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 10 && d.All(x => x.GetProperty("status").GetString() == "delivered"), "all 10 delivered");
        Assert.All(deliveries, d => Assert.Equal(1, d.GetProperty("attempts").GetArrayLength()));
        Assert.Equal(10, receiver.Received.Count);
        Assert.Equal(10, receiver.Received.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task BatchingEndpoint_GetsTheEventsGatheredWhileARequestWasOut_InOneSignedArray()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, batch: true, "booking.confirmed");
        Assert.True(endpoint.GetProperty("batch").GetBoolean());
        var listed = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/webhooks")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("batch").GetBoolean());
        var secret = endpoint.GetProperty("secret").GetString()!;
        var (_, seats) = await fixture.SeedAsync(app, 4);

        // The first booking's request is held unanswered; the next three are booked meanwhile.
        receiver.Close();
        var first = await BookAsync(user, seats[0], "pay-b0");
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count), n => n == 1, "the first request");
        var later = new List<JsonElement>();
        for (var i = 1; i < 4; i++)
        {
            later.Add(await BookAsync(user, seats[i], $"pay-b{i}"));
        }

        receiver.Open();
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length == 2, "the second request");
        Assert.All(received, r => Assert.True(r.IsSignedWith(secret), "each request's signature verifies"));
        Assert.All(received, r => Assert.StartsWith("batch_", r.Id));
        Assert.NotEqual(received[0].Id, received[1].Id);
        Assert.Equal([first.GetProperty("bookingId").GetString()!], BookingIds(received[0]));
        Assert.Equal(later.Select(b => b.GetProperty("bookingId").GetString()!).Order(), BookingIds(received[1]).Order());

        // Each event is its own delivery in the list, with the exact body it had inside the array.
        var deliveries = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 4 && d.All(x => x.GetProperty("status").GetString() == "delivered"), "all 4 delivered");
        Assert.All(deliveries, d => Assert.Equal(1, d.GetProperty("attempts").GetArrayLength()));
        Assert.Equal(
            received.SelectMany(r => r.Json.EnumerateArray()).Select(e => e.GetRawText()).Order(),
            deliveries.Select(d => d.GetProperty("payload").GetString()).Order());
    }

    [Fact]
    public async Task BatchingEndpoint_ReceiverDown_RetriesTheSameEvents_UnderTheSameId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(503);
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, batch: true, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 1);
        var booking = await BookAsync(user, seats[0], "pay-batch-retry");
        await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 1 && d[0].GetProperty("attempts").GetArrayLength() == 1, "the first attempt recorded");

        receiver.AnswerWith(200);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var delivered = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d[0].GetProperty("status").GetString() == "delivered", "delivered at the second attempt");
        Assert.Equal(2, delivered[0].GetProperty("attempts").GetArrayLength());
        var requests = receiver.Received.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0].Id, requests[1].Id);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal([booking.GetProperty("bookingId").GetString()!], BookingIds(requests[1]));
    }

    [Fact]
    public async Task Register_BatchNotABoolean_400_NothingRegistered()
    {
        var (app, _) = await NewAppAsync();
        var body = new { url = "https://hooks.example.com/x", events = new[] { "booking.confirmed" }, batch = "yes" };
        await (await fixture.Admin().PostAsJsonAsync($"/admin/apps/{app.AppId}/webhooks", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        var listed = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/webhooks")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Replay_SendsTheSameEventAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 1);
        await BookAsync(user, seats[0], "pay-replay");
        var first = (await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", "delivered"))[0];
        var eventId = first.GetProperty("eventId").GetString();

        var replay = await (await fixture.Admin().PostAsync($"{Path(app, endpoint)}/deliveries/{eventId}/replay", null)).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(eventId, replay.GetProperty("eventId").GetString());

        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count), n => n == 2, "the replay");
        Assert.All(receiver.Received, r => Assert.Equal(eventId, r.Id));
        var replayed = (await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d[0].GetProperty("attempts").GetArrayLength() == 2 && d[0].GetProperty("status").GetString() == "delivered", "two attempts"))[0];
        // Both successes are listed, newest first: the first one was moved aside by the replay, not overwritten.
        var attempts = replayed.GetProperty("attempts").EnumerateArray().ToArray();
        Assert.Equal([2, 1], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.All(attempts, a => Assert.Equal(200, a.GetProperty("statusCode").GetInt32()));
        await (await fixture.Admin().PostAsync($"{Path(app, endpoint)}/deliveries/evt_unknown/replay", null)).AssertProblemAsync(HttpStatusCode.NotFound, "delivery_not_found");
    }

    [Fact]
    public async Task Deliveries_ListedNewestFirst_PageByPage()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 3);
        foreach (var (seat, i) in seats.Select((seat, i) => (seat, i)))
        {
            await BookAsync(user, seat, $"pay-page-{i}");
            fixture.Time.Advance(TimeSpan.FromSeconds(1)); // each event a second newer than the one before
        }

        await Eventually.ReturnsAsync(() => DeliveriesAsync(app, endpoint), d => d.Length == 3, "three deliveries");
        var first = await (await fixture.Admin().GetAsync($"{Path(app, endpoint)}/deliveries?limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await fixture.Admin().GetAsync($"{Path(app, endpoint)}/deliveries?limit=2&cursor={Uri.EscapeDataString(cursor!)}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(d => JsonDocument.Parse(d.GetProperty("payload").GetString()!).RootElement.GetProperty("data").GetProperty("seatId").GetString());
        Assert.Equal(seats.Reverse(), listed);
    }

    [Fact]
    public async Task FinishedDeliveries_ForgottenAfterTheRetention_NewerOnesKept()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var (_, seats) = await fixture.SeedAsync(app, 2);
        await BookAsync(user, seats[0], "pay-old");
        var old = (await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", "the first delivery"))[0];

        // 30 days is the default retention; the admin and the user need tokens of the new day.
        fixture.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await fixture.LogInAdminAgainAsync();
        var later = await fixture.SignUpAsync(app, $"later-{Guid.NewGuid():N}@example.com");
        await BookAsync(later, seats[1], "pay-new");

        var left = await Eventually.ReturnsAsync(
            () => DeliveriesAsync(app, endpoint), d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", "only the new delivery");
        Assert.NotEqual(old.GetProperty("eventId").GetString(), left[0].GetProperty("eventId").GetString());
        Assert.Equal(2, receiver.Received.Count);
        await (await fixture.Admin().PostAsync($"{Path(app, endpoint)}/deliveries/{old.GetProperty("eventId").GetString()}/replay", null))
            .AssertProblemAsync(HttpStatusCode.NotFound, "delivery_not_found");
    }

    [Fact]
    public async Task RotateSecret_SignsWithTheNewOne_AndRemove_StopsDeliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (app, user) = await NewAppAsync();
        var endpoint = await RegisterAsync(app, receiver.Url, "booking.confirmed");
        var rotated = await (await fixture.Admin().PostAsync($"{Path(app, endpoint)}/rotate-secret", null)).ReadJsonAsync(HttpStatusCode.OK);
        var secret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(endpoint.GetProperty("secret").GetString(), secret);

        var (_, seats) = await fixture.SeedAsync(app, 2);
        await BookAsync(user, seats[0], "pay-a");
        var delivery = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length == 1, "the delivery");
        Assert.True(delivery[0].IsSignedWith(secret));
        Assert.False(delivery[0].IsSignedWith(endpoint.GetProperty("secret").GetString()!));

        var list = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/webhooks")).ReadJsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.False(listed.TryGetProperty("secret", out _), "a listing never shows the secret");
        Assert.Equal(["booking.confirmed"], listed.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Admin().DeleteAsync(Path(app, endpoint))).StatusCode);
        await BookAsync(user, seats[1], "pay-b");
        var after = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/webhooks")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        await (await fixture.Admin().GetAsync($"{Path(app, endpoint)}/deliveries")).AssertProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        Assert.Single(receiver.Received);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hooks", "booking.confirmed")]
    [InlineData("http://hooks.example.com/x", "booking.confirmed")]
    [InlineData("https://user:pw@hooks.example.com/x", "booking.confirmed")]
    [InlineData("not a url", "booking.confirmed")]
    [InlineData("https://hooks.example.com/x", "booking.cancelled")]
    [InlineData("https://hooks.example.com/x", null)]
    public async Task Register_BadUrlOrEvents_400(string url, string? eventName)
    {
        var (app, _) = await NewAppAsync();
        var events = eventName is null ? Array.Empty<string>() : [eventName];
        await (await fixture.Admin().PostAsJsonAsync($"/admin/apps/{app.AppId}/webhooks", new { url, events }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var list = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/webhooks")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Register_UnknownApp_404_ElevenEndpoints_409_NoAdminToken_401()
    {
        await (await fixture.Admin().PostAsJsonAsync("/admin/apps/NOSUCHAPP1/webhooks", new { url = "https://hooks.example.com/x", events = AllEvents }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        var (app, _) = await NewAppAsync();
        for (var i = 0; i < 10; i++)
        {
            await RegisterAsync(app, $"https://hooks.example.com/{i}", "booking.confirmed");
        }

        await (await fixture.Admin().PostAsJsonAsync($"/admin/apps/{app.AppId}/webhooks", new { url = "https://hooks.example.com/11", events = AllEvents }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "too_many_webhooks");
        await (await fixture.Tenant(app).GetAsync($"/admin/apps/{app.AppId}/webhooks")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await fixture.Admin().DeleteAsync($"/admin/apps/{app.AppId}/webhooks/we_nosuch")).AssertProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/webhooks/we_nosuch/deliveries?cursor=%%%")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<(TestApp App, TestUser User)> NewAppAsync()
    {
        var app = await fixture.CreateAppAsync($"Hooks {Guid.NewGuid():N}", []);
        return (app, await fixture.SignUpAsync(app, $"buyer-{Guid.NewGuid():N}@example.com"));
    }

    private Task<JsonElement> RegisterAsync(TestApp app, string url, params string[] events) => RegisterAsync(app, url, batch: false, events);

    private async Task<JsonElement> RegisterAsync(TestApp app, string url, bool batch, params string[] events) =>
        await (await fixture.Admin().PostAsJsonAsync($"/admin/apps/{app.AppId}/webhooks", new { url, events, batch })).ReadJsonAsync(HttpStatusCode.Created);

    /// <summary>The booking ids of a batching endpoint's request: its body is an array of events.</summary>
    private static string[] BookingIds(ReceivedWebhook request) =>
        [.. request.Json.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("bookingId").GetString()!)];

    private static string Path(TestApp app, JsonElement endpoint) => $"/admin/apps/{app.AppId}/webhooks/{endpoint.GetProperty("endpointId").GetString()}";

    private static Func<JsonElement[], bool> AllDelivered(int count) =>
        d => d.Length == count && d.All(delivery => delivery.GetProperty("status").GetString() == "delivered");

    private async Task<JsonElement[]> DeliveriesAsync(TestApp app, JsonElement endpoint)
    {
        var page = await (await fixture.Admin().GetAsync($"{Path(app, endpoint)}/deliveries")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<string> HoldAsync(TestUser user, string seatId) =>
        (await (await fixture.As(user).PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString()!;

    private async Task<JsonElement> BookAsync(TestUser user, string seatId, string paymentId)
    {
        var token = await HoldAsync(user, seatId);
        return await (await fixture.As(user).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId })).ReadJsonAsync(HttpStatusCode.Created);
    }
}

public sealed class SqliteWebhookApiTests(SqliteApiFixture fixture) : WebhookApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresWebhookApiTests(PostgresApiFixture fixture) : WebhookApiTests<PostgresApiFixture>(fixture);
