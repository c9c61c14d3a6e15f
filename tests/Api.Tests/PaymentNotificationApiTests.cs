using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;
using static Reservations.Api.Tests.Infrastructure.AppCredentials;

namespace Reservations.Api.Tests;

/// <summary>
/// POST /payment-notifications (issue 11 item 1): a notification signed by the app's current signing
/// secret, stamped within 5 minutes, books the hold it names for its holder; anything else is refused,
/// and sending it again books nothing more.
/// </summary>
public abstract class PaymentNotificationApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    [Fact]
    public async Task Signed_BooksForTheHolder_AndAReplayAnswersTheSameBooking()
    {
        var (app, secret, user, seats) = await NewAppAsync(seatCount: 1);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        await (await fixture.SetConfirmationAsync(app, "signed")).ReadJsonAsync(HttpStatusCode.OK);
        var token = await HoldAsync(user, seats[0]);
        var body = PaymentBody(token, "pi_3Abc");
        var id = $"evt_{Guid.NewGuid():N}";

        var booking = await (await Send(Notification(app.AppId, secret, body, fixture.Time.GetUtcNow(), id))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(user.UserId, booking.GetProperty("userId").GetString());
        Assert.Equal("pi_3Abc", booking.GetProperty("paymentId").GetString());

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await (await Send(Notification(app.AppId, secret, body, fixture.Time.GetUtcNow(), id))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(booking.GetProperty("bookingId").GetString(), again.GetProperty("bookingId").GetString());

        // Another payment for the same hold, even validly signed, books nothing more.
        await (await Send(Notification(app.AppId, secret, PaymentBody(token, "pi_other"), fixture.Time.GetUtcNow())))
            .AssertProblemAsync(HttpStatusCode.Conflict, "token_used");
        Assert.Single((await (await fixture.As(user).GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task BadSignatures_401InvalidSignature_NothingBooked()
    {
        var (app, secret, user, seats) = await NewAppAsync(seatCount: 1);
        var token = await HoldAsync(user, seats[0]);
        var body = PaymentBody(token, "pi_1");
        var now = fixture.Time.GetUtcNow();
        var other = await NewAppAsync(seatCount: 0);

        var refused = new List<HttpRequestMessage>
        {
            Notification(app.AppId, secret, body, now, signature: "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
            Notification(app.AppId, secret, body, now, signature: "v1,not base64"),
            Notification(app.AppId, secret, body, now, signature: "v2," + Convert.ToBase64String(new byte[32])),
            Notification(app.AppId, other.Secret, body, now), // another app's secret
            Notification(other.App.AppId, other.Secret, body, now), // another app: the token names none of its holds, and it is signed for that app only
            Notification("APP-ZZZZ-ZZZZ-ZZZZ", secret, body, now),
        };
        var tampered = Notification(app.AppId, secret, body, now);
        tampered.Content = new StringContent(PaymentBody(token, "pi_2"), System.Text.Encoding.UTF8, "application/json");
        refused.Add(tampered);
        var noHeader = Notification(app.AppId, secret, body, now);
        noHeader.Headers.Remove("webhook-signature");
        refused.Add(noHeader);

        foreach (var request in refused)
        {
            var response = await Send(request);
            if (request.Headers.GetValues("x-app-id").Single() == other.App.AppId)
            {
                await response.AssertProblemAsync(HttpStatusCode.Gone, "reservation_expired"); // validly signed for B: B has no such hold
                continue;
            }

            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        }

        // After rotation the old secret is refused, the new one accepted.
        var rotated = await fixture.IssueAsync(app, "signing");
        await (await Send(Notification(app.AppId, secret, body, now))).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Empty((await (await fixture.As(user).GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await Send(Notification(app.AppId, rotated, body, now))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task StaleOrFutureTimestamp_401StaleTimestamp()
    {
        var (app, secret, user, seats) = await NewAppAsync(seatCount: 1);
        var token = await HoldAsync(user, seats[0]);
        var body = PaymentBody(token, "pi_1");
        var now = fixture.Time.GetUtcNow();

        await (await Send(Notification(app.AppId, secret, body, now.AddMinutes(-5).AddSeconds(-1)))).AssertProblemAsync(HttpStatusCode.Unauthorized, "stale_timestamp");
        await (await Send(Notification(app.AppId, secret, body, now.AddMinutes(5).AddSeconds(1)))).AssertProblemAsync(HttpStatusCode.Unauthorized, "stale_timestamp");

        // Captured and sent again six minutes later: refused, though its signature is good.
        var id = $"evt_{Guid.NewGuid():N}";
        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        await (await Send(Notification(app.AppId, secret, body, now, id))).AssertProblemAsync(HttpStatusCode.Unauthorized, "stale_timestamp");
    }

    [Fact]
    public async Task GroupToken_BooksEverySeat_ForTheGroupsHolder()
    {
        var (app, secret, user, seats) = await NewAppAsync(seatCount: 2);
        var group = await (await fixture.As(user).PostJsonAsync("/reserve-seats", new { seatIds = seats })).ReadJsonAsync(HttpStatusCode.Created);
        var body = PaymentBody(group.GetProperty("reservationToken").GetString()!, "pi_group");
        var booked = await (await Send(Notification(app.AppId, secret, body, fixture.Time.GetUtcNow()))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.All(booked.GetProperty("bookings").EnumerateArray(), b => Assert.Equal(user.UserId, b.GetProperty("userId").GetString()));
        Assert.Equal(2, booked.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    public async Task NoSigningSecret_DisabledApp_BadBody_AreRefused()
    {
        var app = await fixture.CreateAppAsync($"Unsigned {Guid.NewGuid():N}", []);
        await (await Send(Notification(app.AppId, "whsec_" + Convert.ToBase64String(new byte[32]), PaymentBody("x.y", "pi_1"), fixture.Time.GetUtcNow())))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");

        var (signed, secret, _, _) = await NewAppAsync(seatCount: 0);
        await (await Send(Notification(signed.AppId, secret, "{\"reservationToken\":", fixture.Time.GetUtcNow())))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        await (await Send(Notification(signed.AppId, secret, "{}", fixture.Time.GetUtcNow())))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var plain = Notification(signed.AppId, secret, "{}", fixture.Time.GetUtcNow());
        plain.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        await (await Send(plain)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{signed.AppId}", new { enabled = false })).ReadJsonAsync(HttpStatusCode.OK);
        await (await Send(Notification(signed.AppId, secret, PaymentBody("x.y", "pi_1"), fixture.Time.GetUtcNow())))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "app_disabled");
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        using (request)
        {
            return await fixture.Anonymous().SendAsync(request);
        }
    }

    private async Task<(TestApp App, string Secret, TestUser User, string[] Seats)> NewAppAsync(int seatCount)
    {
        var app = await fixture.CreateAppAsync($"Payments {Guid.NewGuid():N}", []);
        var secret = await fixture.IssueAsync(app, "signing");
        var seats = seatCount > 0 ? (await fixture.SeedAsync(app, seatCount)).SeatIds : [];
        var user = seatCount > 0 ? await fixture.SignUpAsync(app, $"pay-{Guid.NewGuid():N}@example.com") : null!;
        return (app, secret, user, seats);
    }

    private async Task<string> HoldAsync(TestUser user, string seatId) =>
        (await (await fixture.As(user).PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString()!;
}

public sealed class SqlitePaymentNotificationApiTests(SqliteApiFixture fixture) : PaymentNotificationApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresPaymentNotificationApiTests(PostgresApiFixture fixture) : PaymentNotificationApiTests<PostgresApiFixture>(fixture);
