using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Reservations.LoadTest.Core;
using Reservations.LoadTest.Metrics;
using Reservations.LoadTest.Tests.Infrastructure;

namespace Reservations.LoadTest.Tests;

public sealed class ConfirmRetrierTests
{
    private const string ConfirmBody = """POST /confirm-booking {"reservationToken":"token-1","paymentId":"pay-1"}""";

    [Fact]
    public async Task Confirm_Answered503Then201_RetriesOnceWithTheSameTokenAndPaymentId()
    {
        var stub = Scripted(Busy(), Booked());
        var (retrier, meter, user) = Retrier(stub, maxRetries: 3);

        var replies = await retrier.ConfirmAsync(meter, user, "token-1", "pay-1", CancellationToken.None);

        Assert.Equal([503, 201], replies.Select(r => r.Status));
        Assert.Equal("b1", replies[^1].BookingId);
        Assert.Equal([ConfirmBody, ConfirmBody], stub.Received);
        Assert.Equal((1L, 0L), (meter.ConfirmRetries, meter.ConfirmsGivenUp));
        Assert.Equal(1, meter.Outcomes.Snapshot().Single(o => o.Status == 503).Count);
    }

    [Fact]
    public async Task Confirm_TransportErrorThen200_RetriesAndCountsTheTransportError()
    {
        var stub = Scripted(() => throw new HttpRequestException("connection reset"), () => Json(HttpStatusCode.OK, BookingBody));
        var (retrier, meter, user) = Retrier(stub, maxRetries: 3);

        var replies = await retrier.ConfirmAsync(meter, user, "token-1", "pay-1", CancellationToken.None);

        Assert.Equal([0, 200], replies.Select(r => r.Status));
        Assert.Equal("Confirm transport-error", meter.Outcomes.Snapshot().Single(o => o.Status == 0).Label);
        Assert.Equal(1, meter.ConfirmRetries);
    }

    [Fact]
    public async Task Confirm_AlwaysBusy_GivesUpAfterMaxRetries()
    {
        var stub = Scripted(Busy(), Busy(), Busy(), Booked());
        var (retrier, meter, user) = Retrier(stub, maxRetries: 2);

        var replies = await retrier.ConfirmAsync(meter, user, "token-1", "pay-1", CancellationToken.None);

        Assert.Equal([503, 503, 503], replies.Select(r => r.Status));
        Assert.Equal((2L, 1L), (meter.ConfirmRetries, meter.ConfirmsGivenUp));
    }

    [Fact]
    public async Task Confirm_Refused_IsNotRetried()
    {
        var stub = Scripted(() => Json(HttpStatusCode.Gone, """{"error":"reservation_expired"}"""), Booked());
        var (retrier, meter, user) = Retrier(stub, maxRetries: 3);

        var replies = await retrier.ConfirmAsync(meter, user, "token-1", "pay-1", CancellationToken.None);

        Assert.Equal(410, Assert.Single(replies).Status);
        Assert.Equal(0, meter.ConfirmRetries);
    }

    [Theory]
    [InlineData(1_000, 0, 1_000)]
    [InlineData(30_000, 0, 5_000)]
    [InlineData(null, 0, 100)]
    [InlineData(null, 3, 800)]
    [InlineData(null, 10, 5_000)]
    public void Pause_HonoursRetryAfterUpToTheCap_ElseDoubles(int? retryAfterMs, int retry, int expectedMs)
    {
        var retryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), BusyRetryPause.Before(retry, retryAfter, TimeSpan.FromSeconds(5)));
    }

    private const string BookingBody = """{"bookingId":"b1","seatId":"seat-1","userId":"user","paymentId":"pay-1"}""";

    // Retry-After: 0 keeps the test free of waiting; the pause itself is checked above.
    private static Func<HttpResponseMessage> Busy() => () =>
    {
        var response = Json(HttpStatusCode.ServiceUnavailable, """{"error":"engine_busy"}""");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    };

    private static Func<HttpResponseMessage> Booked() => () => Json(HttpStatusCode.Created, BookingBody);

    private static StubGateway Scripted(params Func<HttpResponseMessage>[] answers)
    {
        var next = -1;
        return new StubGateway(_ => answers[Interlocked.Increment(ref next)]());
    }

    private static (ConfirmRetrier Retrier, Meter Meter, UserSession User) Retrier(StubGateway stub, int maxRetries)
    {
        var client = new TenantClient(stub.Client("http://gateway-a/"), "app", "key");
        return (new ConfirmRetrier(client, maxRetries, TimeSpan.Zero), new Meter(), client.Session("user", "t", homeGateway: 0));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
