using System.Net;
using System.Text;
using Reservations.Client;
using Reservations.LoadTest.Core;
using Reservations.LoadTest.Metrics;
using Reservations.LoadTest.Tests.Infrastructure;

namespace Reservations.LoadTest.Tests;

public sealed class GatewaySpreadTests
{
    private static readonly SeatRef Seat = new("seat-1", new ReserveSeatRequest("seat-1"));

    [Fact]
    public async Task PerUser_TwoGateways_PinsEachUserToOneRoundRobin()
    {
        var (a, b) = (Answering(), Answering());
        using var gateways = new Gateways([a.Client("http://gateway-a/"), b.Client("http://gateway-b/")], GatewaySpread.PerUser);
        var client = new TenantClient(gateways, "app", "key");
        var meter = new Meter(gateways.Count);
        UserSession[] users = [User(client, 0), User(client, 1), User(client, 0)];

        foreach (var user in users)
        {
            var hold = await client.ReserveAsync(meter, user, Seat, CancellationToken.None);
            await client.ConfirmAsync(meter, user, hold.ReservationToken!, "pay-1", CancellationToken.None);
        }

        Assert.Equal(["POST /reserve-seat", "POST /confirm-booking", "POST /reserve-seat", "POST /confirm-booking"], a.Received.Select(Path));
        Assert.Equal(["POST /reserve-seat", "POST /confirm-booking"], b.Received.Select(Path));
        Assert.Equal([4L, 2L], meter.OutcomesByGateway.Select(o => o.Total));
        Assert.Equal(2, meter.OutcomesByGateway[0].Snapshot().Single(o => o.Kind == RequestKind.Confirm).Count);
    }

    [Fact]
    public async Task PerRequest_TwoGateways_ConfirmsAHoldThroughTheOtherGateway()
    {
        var (a, b) = (Answering(), Answering());
        using var gateways = new Gateways([a.Client("http://gateway-a/"), b.Client("http://gateway-b/")], GatewaySpread.PerRequest);
        var client = new TenantClient(gateways, "app", "key");
        var meter = new Meter(gateways.Count);
        var user = User(client, 1);

        var hold = await client.ReserveAsync(meter, user, Seat, CancellationToken.None);
        var booking = await client.ConfirmAsync(meter, user, hold.ReservationToken!, "pay-1", CancellationToken.None);

        Assert.Equal(201, booking.Status);
        Assert.Equal(["POST /reserve-seat"], b.Received.Select(Path));
        Assert.Equal("""POST /confirm-booking {"reservationToken":"token-1","paymentId":"pay-1"}""", Assert.Single(a.Received));
    }

    private static UserSession User(TenantClient client, int homeGateway) => client.Session("user", "t", homeGateway);

    private static string Path(string received) => string.Join(' ', received.Split(' ').Take(2));

    // Grants every hold with token-1 and books every confirm as b1.
    private static StubGateway Answering() => new(request => request.RequestUri!.AbsolutePath == "/reserve-seat"
        ? Json(HttpStatusCode.Created, """{"reservationToken":"token-1","seatId":"seat-1","expiresAt":"2030-01-01T00:00:00Z"}""")
        : Json(HttpStatusCode.Created, """{"bookingId":"b1","seatId":"seat-1","userId":"user","paymentId":"pay-1"}"""));

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
