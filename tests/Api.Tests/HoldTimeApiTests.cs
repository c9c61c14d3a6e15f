using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>POST /extend-hold and POST /payment-started on seat and group tokens, with the fake clock (defaults: 2-minute holds and extensions, 3 at most, 10 minutes in all; a 10-minute payment grace).</summary>
public abstract class HoldTimeApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task ExtendHold_ThreeTimes_AddsTwoMinutesEach_ThenExtensionLimit()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var client = Fixture.As(Fixture.UserA1);
        var hold = await (await client.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        var token = hold.GetProperty("reservationToken").GetString();
        var heldAt = Fixture.Time.GetUtcNow();

        foreach (var (minutes, left) in new[] { (4, 2), (6, 1), (8, 0) })
        {
            var extended = await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(seats[0], extended.GetProperty("seatId").GetString());
            Assert.Equal(heldAt.AddMinutes(minutes), extended.GetProperty("expiresAt").GetDateTimeOffset());
            Assert.Equal(left, extended.GetProperty("extensionsLeft").GetInt32());
        }

        await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Conflict, "extension_limit");
        await Eventually.ReturnsAsync(() => HeldUntilAsync(entityId), until => until == heldAt.AddMinutes(8), "the listing shows the extended hold");

        Fixture.Time.Advance(TimeSpan.FromMinutes(7));
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
        await (await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-ext" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ExtendHold_AfterExpiryOrByAnotherUser_410Or403()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(seats[0]);

        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/payment-started", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
        Fixture.Time.Advance(TimeSpan.FromMinutes(2));

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/payment-started", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/extend-hold", new { reservationToken = "nonsense" })).AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/extend-hold", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task PaymentStarted_KeepsTheHoldPastItsExpiry_ConfirmSucceeds_RepeatKeepsTheFirstGrace()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(seats[0]);
        var client = Fixture.As(Fixture.UserA1);
        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var startedAt = Fixture.Time.GetUtcNow();

        var paying = await (await client.PostAsJsonAsync("/payment-started", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(startedAt.AddMinutes(10), paying.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(0, paying.GetProperty("extensionsLeft").GetInt32());
        Fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var repeat = await (await client.PostAsJsonAsync("/payment-started", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(startedAt.AddMinutes(10), repeat.GetProperty("expiresAt").GetDateTimeOffset());
        await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Conflict, "payment_in_progress");
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");

        await (await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-late" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PaymentStarted_GraceRunsOut_ConfirmIs410AndSeatFree()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA);
        var token = await HoldAsync(seats[0]);
        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/payment-started", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);

        Fixture.Time.Advance(TimeSpan.FromMinutes(10));

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-1" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GroupToken_ExtendAndPaymentStarted_MoveEverySeat_ConfirmAfterTheFirstExpiry()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 3);
        var client = Fixture.As(Fixture.UserA1);
        var group = await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = seats })).ReadJsonAsync(HttpStatusCode.Created);
        var token = group.GetProperty("reservationToken").GetString();
        var heldAt = Fixture.Time.GetUtcNow();

        var extended = await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(heldAt.AddMinutes(4), extended.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(seats, extended.GetProperty("seatIds").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(2, extended.GetProperty("extensionsLeft").GetInt32());
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Forbidden, "not_holder");
        Fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var paying = await (await client.PostAsJsonAsync("/payment-started", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(heldAt.AddMinutes(13), paying.GetProperty("expiresAt").GetDateTimeOffset());
        await Eventually.ReturnsAsync(() => HeldUntilAsync(entityId, 2), until => until == heldAt.AddMinutes(13), "the listing follows the group's hold");
        await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Conflict, "payment_in_progress");

        Fixture.Time.Advance(TimeSpan.FromMinutes(9));

        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seats", new { seatIds = seats })).AssertProblemAsync(HttpStatusCode.Conflict, "seats_unavailable");
        var booked = await (await client.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-grp" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, booked.GetProperty("bookings").GetArrayLength());
        await (await client.PostAsJsonAsync("/payment-started", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
    }

    [Fact]
    public async Task GroupToken_AfterExpiry_ExtendIs410()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 2);
        var group = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seats", new { seatIds = seats })).ReadJsonAsync(HttpStatusCode.Created);
        Fixture.Time.Advance(TimeSpan.FromMinutes(2));

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/extend-hold", new { reservationToken = group.GetProperty("reservationToken").GetString() }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
    }

    [Fact]
    public async Task OpenApi_ListsTheNewRoutes()
    {
        var document = await (await Fixture.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths");
        foreach (var (route, statuses) in new[] { ("/reserve-seats", new[] { "201", "400", "404", "409" }), ("/extend-hold", ["200", "403", "409", "410"]), ("/payment-started", ["200", "403", "410"]) })
        {
            var responses = paths.GetProperty(route).GetProperty("post").GetProperty("responses");
            Assert.All(statuses, status => Assert.True(responses.TryGetProperty(status, out _), $"{route} lists no {status}"));
        }
    }

    [Fact]
    public async Task OpenApi_ShowsTheSeatsAndTheGroupsBodies_AndNamesEveryErrorCode()
    {
        var document = await (await Fixture.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths");
        JsonElement Response(string route, string status) => paths.GetProperty(route).GetProperty("post").GetProperty("responses").GetProperty(status);
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        JsonElement Resolved(JsonElement body) => schemas.GetProperty(body.GetProperty("$ref").GetString()!["#/components/schemas/".Length..]);
        string[] Members(string route, string status) =>
            [.. Response(route, status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf")
                .EnumerateArray().SelectMany(body => Resolved(body).GetProperty("properties").EnumerateObject().Select(p => p.Name))];

        Assert.Contains("seatId", Members("/extend-hold", "200"));
        Assert.Contains("seatIds", Members("/extend-hold", "200"));
        Assert.Contains("extensionsLeft", Members("/payment-started", "200"));
        Assert.Contains("bookingId", Members("/confirm-booking", "201"));
        Assert.Contains("bookings", Members("/confirm-booking", "200"));
        Assert.Contains("seatIds", Members("/release-seat", "200"));

        foreach (var (route, status, codes) in new[]
        {
            ("/reserve-seats", "400", new[] { "too_many_seats", "validation_failed" }),
            ("/reserve-seats", "404", ["seat_not_found", "unknownSeatIds"]),
            ("/reserve-seats", "409", ["seats_unavailable", "unavailableSeatIds"]),
            ("/extend-hold", "403", ["not_holder"]),
            ("/extend-hold", "409", ["extension_limit", "payment_in_progress"]),
            ("/extend-hold", "410", ["reservation_expired"]),
            ("/payment-started", "401", ["invalid_app_credentials", "invalid_token"]),
            ("/payment-started", "410", ["reservation_expired"]),
            ("/confirm-booking", "409", ["token_used", "group_incomplete", "lostSeatIds"]),
            ("/confirm-booking", "410", ["reservation_expired"]),
            ("/release-seat", "403", ["not_holder", "app_disabled"]),
            ("/release-seat", "410", ["reservation_expired"]),
        })
        {
            var description = Response(route, status).GetProperty("description").GetString();
            Assert.All(codes, code => Assert.Contains(code, description, StringComparison.Ordinal));
        }

        var problem = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");
        Assert.True(problem.GetProperty("properties").TryGetProperty("error", out _), "the problem schema has no error member");
    }

    private async Task<string> HoldAsync(string seatId)
    {
        var body = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("reservationToken").GetString()!;
    }

    private async Task<DateTimeOffset?> HeldUntilAsync(string entityId, int index = 0)
    {
        var body = await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        var seat = body.GetProperty("seats")[index];
        return seat.GetProperty("heldUntil").ValueKind == JsonValueKind.Null ? null : seat.GetProperty("heldUntil").GetDateTimeOffset();
    }
}

public sealed class SqliteHoldTimeApiTests(SqliteApiFixture fixture) : HoldTimeApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresHoldTimeApiTests(PostgresApiFixture fixture) : HoldTimeApiTests<PostgresApiFixture>(fixture);
