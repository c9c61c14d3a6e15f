using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>A new process on the same storage and clock keeps bookings, holds and their expiry.</summary>
public abstract class RestartTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    [Fact]
    public async Task Restart_KeepsBookingsHoldsAndExpiry()
    {
        var (entityId, seats) = await fixture.SeedAsync(fixture.AppA, 2);
        var a1 = fixture.As(fixture.UserA1);
        var booked = await HoldAsync(a1, seats[0]);
        var booking = await (await a1.PostAsJsonAsync("/confirm-booking", new { reservationToken = booked, paymentId = "before-restart" })).ReadJsonAsync(HttpStatusCode.Created);
        var held = await HoldAsync(a1, seats[1]);
        Fixture_Advance(TimeSpan.FromSeconds(30));

        await fixture.RestartAsync();

        a1 = fixture.As(fixture.UserA1);
        var mine = await (await a1.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == booking.GetProperty("bookingId").GetString());
        var listing = await (await fixture.Tenant(fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["booked", "held"], listing.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("status").GetString()));

        // Same-payment repeat still answers with the booking; the hold still blocks others until it expires.
        var again = await (await a1.PostAsJsonAsync("/confirm-booking", new { reservationToken = booked, paymentId = "before-restart" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(booking.GetProperty("bookingId").GetString(), again.GetProperty("bookingId").GetString());
        var a2 = fixture.As(fixture.UserA2);
        await (await a2.PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
        await (await fixture.Anonymous().PostAsJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password = ApiFixture.AdminPassword }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Fixture_Advance(TimeSpan.FromSeconds(89));
        await (await a2.PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");
        Fixture_Advance(TimeSpan.FromSeconds(1));
        await HoldAsync(a2, seats[1]);
        await (await a1.PostAsJsonAsync("/confirm-booking", new { reservationToken = held, paymentId = "too-late" }))
            .AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired");
    }

    private void Fixture_Advance(TimeSpan delta) => fixture.Time.Advance(delta);

    private static async Task<string> HoldAsync(HttpClient client, string seatId)
    {
        var body = await (await client.PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("reservationToken").GetString()!;
    }
}

public sealed class SqliteRestartTests(SqliteApiFixture fixture) : RestartTests<SqliteApiFixture>(fixture);

public sealed class PostgresRestartTests(PostgresApiFixture fixture) : RestartTests<PostgresApiFixture>(fixture);
