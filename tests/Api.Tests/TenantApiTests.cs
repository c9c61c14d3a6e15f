using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>The tenant contract of ARCHITECTURE.md §4, run against every storage provider.</summary>
public abstract class TenantApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Health_LiveAndReady_Return200()
    {
        var live = await (await Fixture.Anonymous().GetAsync("/health/live")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("live", live.GetProperty("status").GetString());
        var ready = await (await Fixture.Anonymous().GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentAndPage_AreServed()
    {
        var document = await (await Fixture.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/reserve-seat", document, StringComparison.Ordinal);
        Assert.Contains("/admin/seed-data", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Anonymous().GetAsync("/docs/index.html")).StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        await (await Fixture.Anonymous().GetAsync("/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task UserToken_ValidThenPastItsExpiry_IsRefusedThoughValidatedBefore()
    {
        var expiresAt = Fixture.Time.GetUtcNow().AddSeconds(10);
        var client = Fixture.Tenant(Fixture.AppA, Tokens.Sign(ApiFixture.SigningKey, Fixture.AppA.AppId, Fixture.UserA1.UserId, expiresAt));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-bookings")).StatusCode);

        Fixture.Time.Advance(TimeSpan.FromSeconds(10));

        await (await client.GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task SignUp_TakenEmail_Returns409EmailTaken()
    {
        using var response = await Fixture.Tenant(Fixture.AppA).PostAsJsonAsync("/auth/signup", new { email = "A1@Example.com ", password = "whatever-123", name = "Again" });
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task SignUp_SameEmailInOtherApp_IsAnotherUser()
    {
        var user = await Fixture.SignUpAsync(Fixture.AppB, Fixture.UserA2.Email);
        Assert.NotEqual(Fixture.UserA2.UserId, user.UserId);
    }

    [Fact]
    public async Task LogIn_RightAndWrongPasswords_TokenOrInvalidCredentials()
    {
        var client = Fixture.Tenant(Fixture.AppA);
        var ok = await (await client.PostAsJsonAsync("/auth/login", new { email = Fixture.UserA1.Email, password = ApiFixture.UserPassword })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(ok.GetProperty("token").GetString()));
        Assert.True(ok.GetProperty("expiresAt").GetDateTimeOffset() > Fixture.Time.GetUtcNow());

        await (await client.PostAsJsonAsync("/auth/login", new { email = Fixture.UserA1.Email, password = "wrong-password" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await client.PostAsJsonAsync("/auth/login", new { email = "nobody@example.com", password = "wrong-password" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        // A user of app B cannot log in through app A.
        await (await client.PostAsJsonAsync("/auth/login", new { email = Fixture.UserB1.Email, password = ApiFixture.UserPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Seats_ListsStatusesLive()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 3);
        var user = Fixture.As(Fixture.UserA1);
        await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        var token = (await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("reservationToken").GetString();
        await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" })).ReadJsonAsync(HttpStatusCode.Created);

        await ListedEventuallyAsync(Fixture.AppA, entityId, 0, "held");
        await ListedEventuallyAsync(Fixture.AppA, entityId, 1, "booked");
        var body = await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(entityId, body.GetProperty("entityId").GetString());
        var list = body.GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(seats, list.Select(s => s.GetProperty("seatId").GetString()));
        Assert.Equal(["held", "booked", "available"], list.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(Fixture.Time.GetUtcNow().AddMinutes(2), list[0].GetProperty("heldUntil").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, list[2].GetProperty("heldUntil").ValueKind);
        Assert.Equal("R3", list[2].GetProperty("seatNumber").GetString());
        Assert.Equal(13m, list[2].GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Seats_MissingEntityId_Returns400()
    {
        await (await Fixture.Tenant(Fixture.AppA).GetAsync("/seats")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ReserveSeat_UnknownSeat_Returns404SeatNotFound()
    {
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seat", new { seatId = "S-doesnotexist" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "seat_not_found");
    }

    [Fact]
    public async Task ReserveSeat_HeldByOther_Returns409SeatUnavailable()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var hold = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(seats[0], hold.GetProperty("seatId").GetString());
        Assert.Equal(Fixture.Time.GetUtcNow().AddMinutes(2), hold.GetProperty("expiresAt").GetDateTimeOffset());

        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
    }

    [Fact]
    public async Task ReleaseSeat_HolderOthersAndDeadTokens()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);

        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "p" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await ListedEventuallyAsync(Fixture.AppA, entityId, 0, "available");

        // Someone else can hold it at once.
        await HoldAsync(Fixture.UserA2, seats[0]);
    }

    [Fact]
    public async Task ConfirmBooking_RepeatAndOtherPayment_SameBookingOrTokenUsed()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);
        var user = Fixture.As(Fixture.UserA1);

        var first = await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-x" })).ReadJsonAsync(HttpStatusCode.Created);
        var again = await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-x" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("bookingId").GetString(), again.GetProperty("bookingId").GetString());
        Assert.Equal(seats[0], first.GetProperty("seatId").GetString());
        Assert.Equal(Fixture.UserA1.UserId, first.GetProperty("userId").GetString());
        Assert.Equal(11m, first.GetProperty("price").GetDecimal());

        await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-y" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "token_used");
        await (await user.PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");

        var mine = await (await user.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == first.GetProperty("bookingId").GetString());
        Assert.All(mine.EnumerateArray(), b => Assert.Equal(Fixture.UserA1.UserId, b.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task ConfirmBooking_OtherUsersToken_Returns403NotHolder()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "p" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
    }

    [Fact]
    public async Task Hold_ExpiresAtHoldDuration_OnTheFakeClock()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);

        Fixture.Time.Advance(TimeSpan.FromSeconds(119));
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");

        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await HoldAsync(Fixture.UserA2, seats[0]);
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "late" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = token }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
    }

    [Fact]
    public async Task ReserveSeat_400ConcurrentUsers_ExactlyOneWins()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var clients = Enumerable.Range(0, 400).Select(i => Fixture.Tenant(Fixture.AppA, Fixture.MintUserToken(Fixture.AppA, $"U-race-{i}"))).ToList();
        using var start = new ManualResetEventSlim();
        var calls = clients.Select(client => Task.Run(async () =>
        {
            start.Wait();
            using var response = await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] });
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await response.AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
            }

            return response.StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(calls);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(399, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task ReserveSeat_HotSeatReleasedThenBooked_OneOf200WinsAfterTheReleaseAndNoneAfterTheBooking()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);
        var clients = Enumerable.Range(0, 200).Select(i => Fixture.Tenant(Fixture.AppA, Fixture.MintUserToken(Fixture.AppA, $"U-hot-{i}"))).ToList();
        Assert.All(await RaceAsync(clients, seats[0]), r => Assert.Null(r)); // refused while held

        Assert.Equal(HttpStatusCode.OK, (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/release-seat", new { reservationToken = token })).StatusCode);
        var afterRelease = await RaceAsync(clients, seats[0]);

        var winner = Assert.Single(afterRelease.Select((t, i) => (Token: t, Client: clients[i])), r => r.Token is not null); // no refusal lingers
        using var booked = await winner.Client.PostAsJsonAsync("/confirm-booking", new { reservationToken = winner.Token, paymentId = "pay-hot" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.All(await RaceAsync(clients, seats[0]), r => Assert.Null(r));
    }

    /// <summary>Every client asks for the seat at once: the reservation token of each 201, null for each 409.</summary>
    private static async Task<string?[]> RaceAsync(IReadOnlyList<HttpClient> clients, string seatId)
    {
        using var start = new ManualResetEventSlim();
        var calls = clients.Select(client => Task.Run(async () =>
        {
            start.Wait();
            using var response = await client.PostAsJsonAsync("/reserve-seat", new { seatId });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await response.AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
                return null;
            }

            return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString();
        })).ToList();
        start.Set();
        return await Task.WhenAll(calls);
    }

    [Fact]
    public async Task ConfirmBooking_50ConcurrentSamePayment_OneBookingEveryoneSeesIt()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);
        var client = Fixture.As(Fixture.UserA1);

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            using var response = await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-same" });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, BookingId: body.GetProperty("bookingId").GetString());
        })));

        Assert.Equal(1, replies.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, replies.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(replies.Select(r => r.BookingId).Distinct());

        var page = await (await Fixture.Admin().GetAsync($"/admin/bookings?appId={Fixture.AppA.AppId}&limit=500")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(page.GetProperty("items").EnumerateArray(), b => b.GetProperty("seatId").GetString() == seats[0]);
    }

    [Fact]
    public async Task ConfirmBooking_ConcurrentDifferentPayments_ExactlyOneWins()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(Fixture.UserA1, seats[0]);
        var client = Fixture.As(Fixture.UserA1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = $"pay-{i}" }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await response.AssertProblemAsync(HttpStatusCode.Conflict, "token_used");
        }
    }

    [Fact]
    public async Task TenantIsolation_AppACredentialsNeverReachAppB()
    {
        var (entityB, seatsB) = await Fixture.SeedAsync(Fixture.AppB);
        var tokenB = await HoldAsync(Fixture.UserB1, seatsB[0]);
        var a1 = Fixture.As(Fixture.UserA1);

        // B's seat ids, entity and tokens mean nothing under A.
        await (await a1.PostAsJsonAsync("/reserve-seat", new { seatId = seatsB[0] })).AssertProblemAsync(HttpStatusCode.NotFound, "seat_not_found");
        var listing = await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityB}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(listing.GetProperty("seats").EnumerateArray());
        await (await a1.PostAsJsonAsync("/confirm-booking", new { reservationToken = tokenB, paymentId = "steal" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await a1.PostAsJsonAsync("/release-seat", new { reservationToken = tokenB }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");

        // B's user token does not work with A's credentials, nor A's key with B's id.
        await (await Fixture.Tenant(Fixture.AppA, Fixture.UserB1.Token).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Fixture.Tenant(new TestApp(Fixture.AppB.AppId, Fixture.AppA.ApiKey)).GetAsync($"/seats?entityId={entityB}"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");

        // B's booking shows in B only.
        var booking = await (await Fixture.As(Fixture.UserB1).PostAsJsonAsync("/confirm-booking", new { reservationToken = tokenB, paymentId = "b-pay" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var bookingId = booking.GetProperty("bookingId").GetString();
        var mineA = await (await a1.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(mineA.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == bookingId);
        var mineB = await (await Fixture.As(Fixture.UserB1).GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(mineB.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == bookingId);
        await ListedEventuallyAsync(Fixture.AppB, entityB, 0, "booked");
    }

    [Fact]
    public async Task TenantAuth_MissingOrWrongCredentials_Return401()
    {
        await (await Fixture.Anonymous().GetAsync("/seats?entityId=x")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        await (await Fixture.Tenant(new TestApp(Fixture.AppA.AppId, "sk_live_wrong")).GetAsync("/seats?entityId=x"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        await (await Fixture.Tenant(new TestApp("APP-ZZZZ-ZZZZ-ZZZZ", Fixture.AppA.ApiKey)).GetAsync("/seats?entityId=x"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        await (await Fixture.Tenant(new TestApp("../../etc", Fixture.AppA.ApiKey)).GetAsync("/seats?entityId=x"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        await (await Fixture.Tenant(Fixture.AppA).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await Fixture.Tenant(Fixture.AppA, Fixture.AdminToken).GetAsync("/my-bookings")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task RotateKey_OldKeyRefusedAtOnce_NewKeyWorks()
    {
        var app = await Fixture.CreateAppAsync("Rotating", []);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Tenant(app).GetAsync("/seats?entityId=e")).StatusCode);

        var rotated = await (await Fixture.Admin().PostAsync($"/admin/apps/{app.AppId}/rotate-key", null)).ReadJsonAsync(HttpStatusCode.OK);
        var newKey = rotated.GetProperty("apiKey").GetString()!;
        Assert.NotEqual(app.ApiKey, newKey);

        await (await Fixture.Tenant(app).GetAsync("/seats?entityId=e")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Tenant(app with { ApiKey = newKey }).GetAsync("/seats?entityId=e")).StatusCode);
    }

    [Fact]
    public async Task DisabledApp_Returns403AppDisabled_UntilEnabled()
    {
        var app = await Fixture.CreateAppAsync("Disabled", []);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Tenant(app).GetAsync("/seats?entityId=e")).StatusCode);

        await (await Fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { enabled = false })).ReadJsonAsync(HttpStatusCode.OK);
        await (await Fixture.Tenant(app).GetAsync("/seats?entityId=e")).AssertProblemAsync(HttpStatusCode.Forbidden, "app_disabled");
        await (await Fixture.Tenant(app).PostAsJsonAsync("/auth/login", new { email = "x@y.z", password = "whatever1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "app_disabled");

        await (await Fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { enabled = true })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Tenant(app).GetAsync("/seats?entityId=e")).StatusCode);
    }

    [Fact]
    public async Task Cors_AllowedOriginEchoed_OtherOriginRefused_PreflightAnswered()
    {
        var allowed = Fixture.Tenant(Fixture.AppA);
        allowed.DefaultRequestHeaders.Add("Origin", "https://a.example");
        using var ok = await allowed.GetAsync("/seats?entityId=e");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("https://a.example", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var other = Fixture.Tenant(Fixture.AppA);
        other.DefaultRequestHeaders.Add("Origin", "https://b.example");
        await (await other.GetAsync("/seats?entityId=e")).AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/reserve-seat");
        preflight.Headers.Add("Origin", "https://a.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-app-id, x-api-key, authorization, content-type");
        using var answer = await Fixture.Anonymous().SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("https://a.example", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?, string, HttpStatusCode, string> BadInputs => new()
    {
        // path, content type, body (null = huge), bearer kind, status, error
        { "/reserve-seat", "application/json", "{\"seatId\":", "user", HttpStatusCode.BadRequest, "malformed_json" },
        { "/reserve-seat", "application/json", "{\"seatId\":42}", "user", HttpStatusCode.BadRequest, "malformed_json" },
        { "/reserve-seat", "application/json", "[1,2]", "user", HttpStatusCode.BadRequest, "malformed_json" },
        { "/reserve-seat", "application/json", "{}", "user", HttpStatusCode.BadRequest, "validation_failed" },
        { "/reserve-seat", "application/json", "{\"seatId\":\"\"}", "user", HttpStatusCode.BadRequest, "validation_failed" },
        { "/reserve-seat", "application/json", "{\"seatId\":\"" + new string('x', 300) + "\"}", "user", HttpStatusCode.BadRequest, "validation_failed" },
        { "/reserve-seat", "application/json", "", "user", HttpStatusCode.BadRequest, "validation_failed" },
        { "/reserve-seat", "application/json", null, "user", HttpStatusCode.RequestEntityTooLarge, "payload_too_large" },
        { "/reserve-seat", "text/plain", "{\"seatId\":\"SEAT\"}", "user", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type" },
        { "/reserve-seat", "application/json", "{\"seatId\":\"SEAT\"}", "forged", HttpStatusCode.Unauthorized, "invalid_token" },
        { "/reserve-seat", "application/json", "{\"seatId\":\"SEAT\"}", "expired", HttpStatusCode.Unauthorized, "invalid_token" },
        { "/reserve-seat", "application/json", "{\"seatId\":\"SEAT\"}", "other-app", HttpStatusCode.Unauthorized, "invalid_token" },
        { "/reserve-seat", "application/json", "{\"seatId\":\"SEAT\"}", "garbage", HttpStatusCode.Unauthorized, "invalid_token" },
        { "/confirm-booking", "application/json", "{\"reservationToken\":\"no-dot\",\"paymentId\":\"p\"}", "user", HttpStatusCode.Gone, "reservation_expired" },
        { "/confirm-booking", "application/json", "{\"reservationToken\":\"SEAT.forged\",\"paymentId\":\"p\"}", "user", HttpStatusCode.Gone, "reservation_expired" },
        { "/confirm-booking", "application/json", "{\"reservationToken\":\"SEAT.x\"}", "user", HttpStatusCode.BadRequest, "validation_failed" },
        { "/confirm-booking", "application/json", "{\"reservationToken\":true,\"paymentId\":\"p\"}", "user", HttpStatusCode.BadRequest, "malformed_json" },
        { "/release-seat", "application/json", "{\"reservationToken\":null}", "user", HttpStatusCode.BadRequest, "validation_failed" },
        { "/auth/signup", "application/json", "{\"email\":\"not-an-email\",\"password\":\"long-enough-1\",\"name\":\"n\"}", "none", HttpStatusCode.BadRequest, "validation_failed" },
        { "/auth/signup", "application/json", "{\"email\":\"short@example.com\",\"password\":\"short\",\"name\":\"n\"}", "none", HttpStatusCode.BadRequest, "validation_failed" },
        { "/auth/signup", "application/json", "{\"email\":\"x@example.com\",\"password\":\"long-enough-1\"}", "none", HttpStatusCode.BadRequest, "validation_failed" },
        { "/auth/login", "application/json", "{\"email\":5,\"password\":\"x\"}", "none", HttpStatusCode.BadRequest, "malformed_json" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_Returns4xxProblem_AndChangesNothing(string path, string contentType, string? body, string bearer, HttpStatusCode status, string error)
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = bearer switch
        {
            "user" => Fixture.UserA1.Token,
            "forged" => Tokens.Sign(Convert.ToBase64String(new byte[32]), Fixture.AppA.AppId, Fixture.UserA1.UserId, Fixture.Time.GetUtcNow().AddHours(1)),
            "expired" => Tokens.Sign(ApiFixture.SigningKey, Fixture.AppA.AppId, Fixture.UserA1.UserId, Fixture.Time.GetUtcNow().AddSeconds(-1)),
            "other-app" => Fixture.UserB1.Token,
            "garbage" => "not.a.jwt",
            _ => null,
        };
        var text = body?.Replace("SEAT", seats[0], StringComparison.Ordinal) ?? "{\"seatId\":\"" + new string('x', 70_000) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(text, Encoding.UTF8, contentType) };
        using var response = await Fixture.Tenant(Fixture.AppA, token).SendAsync(request);

        await response.AssertProblemAsync(status, error);
        Assert.Equal("available", await StatusOfAsync(Fixture.AppA, entityId, 0));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("utf-7")]
    public async Task Body_InACharsetNotDecodable_Returns415Problem_AndChangesNothing(string charset)
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reserve-seat") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"seatId\":\"{seats[0]}\"}}")) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        using var response = await Fixture.As(Fixture.UserA1).SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal("available", await StatusOfAsync(Fixture.AppA, entityId, 0));
    }

    protected async Task<string> HoldAsync(TestUser user, string seatId)
    {
        var body = await (await Fixture.As(user).PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("reservationToken").GetString()!;
    }

    /// <summary>The listing follows a seat's change by a one-way notice to its catalog page, so it may trail the answer by a moment.</summary>
    protected Task ListedEventuallyAsync(TestApp app, string entityId, int index, string status) =>
        Eventually.ReturnsAsync(() => StatusOfAsync(app, entityId, index), listed => listed == status, $"seat {index} of {entityId} listed {status}");

    protected async Task<string?> StatusOfAsync(TestApp app, string entityId, int index)
    {
        var body = await (await Fixture.Tenant(app).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("seats")[index].GetProperty("status").GetString();
    }
}

public sealed class SqliteTenantApiTests(SqliteApiFixture fixture) : TenantApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresTenantApiTests(PostgresApiFixture fixture) : TenantApiTests<PostgresApiFixture>(fixture);
