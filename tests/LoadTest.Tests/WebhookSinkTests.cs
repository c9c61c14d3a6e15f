using System.Net;
using System.Text;
using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Tests;

/// <summary>The sink counts events, not requests: a batching endpoint's request carries several.</summary>
public sealed class WebhookSinkTests
{
    [Fact]
    public async Task CountsEachEventOfABatch_AndEachRequest()
    {
        await using var sink = WebhookSink.Start();
        using var client = new HttpClient();
        const string One = """{"id":"evt_01","type":"booking.confirmed","data":{"seatId":"e1:1","bookingId":"BK-1"}}""";
        const string Two = """{"id":"evt_02","type":"hold.expired","data":{"seatId":"e1:2"}}""";

        using var single = await client.PostAsync(sink.Url, new StringContent(One, Encoding.UTF8, "application/json"));
        using var batch = await client.PostAsync(sink.Url, new StringContent($"[{One},{Two}]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, single.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, batch.StatusCode);
        Assert.Equal(3, sink.Received);
        Assert.Equal(2, sink.Requests);
    }
}
