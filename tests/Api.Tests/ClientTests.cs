using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Api.Tests.Infrastructure;
using Reservations.Client;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>The .NET client against the engine: typed bodies, typed refusals, idempotency keys, retries on 503.</summary>
public sealed class ClientTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task HoldConfirmAndList_ThroughTheClient_TypedBodiesAndRefusals()
    {
        var (_, seats) = await fixture.SeedAsync(fixture.AppA, 1);
        var ann = fixture.ClientAs(fixture.UserA1);

        var hold = await ann.ReserveSeatAsync(new ReserveSeatRequest(seats[0])).Created();
        var taken = await fixture.ClientAs(fixture.UserA2).ReserveSeatAsync(new ReserveSeatRequest(seats[0])).Refused(HttpStatusCode.Conflict, ErrorCodes.SeatUnavailable);
        var booked = await ann.ConfirmBookingAsync(new ConfirmBookingRequest(hold.ReservationToken, "PAY-1")).Created();
        var again = await ann.ConfirmBookingAsync(new ConfirmBookingRequest(hold.ReservationToken, "PAY-1")).Ok();
        await ann.ConfirmBookingAsync(new ConfirmBookingRequest(hold.ReservationToken, "PAY-2")).Refused(HttpStatusCode.Conflict, ErrorCodes.TokenUsed);
        var mine = await ann.ListMyBookingsAsync().Ok();

        Assert.Equal(seats[0], hold.SeatId);
        Assert.Equal("The seat is held or booked.", taken.Detail);
        Assert.Equal(booked.BookingId, again.BookingId);
        Assert.Equal(11m, booked.Price);
        Assert.Contains(mine, b => b.BookingId == booked.BookingId);
    }

    [Fact]
    public async Task Post_GetsAnIdempotencyKey_AndARepeatWithTheKeyGetsTheFirstAnswer()
    {
        var (_, seats) = await fixture.SeedAsync(fixture.AppA, 1);
        var ann = fixture.ClientAs(fixture.UserA1);

        var first = await ann.ReserveSeatAsync(new ReserveSeatRequest(seats[0]), idempotencyKey: "hold-once").Created();
        var repeat = await ann.ReserveSeatAsync(new ReserveSeatRequest(seats[0]), idempotencyKey: "hold-once").Created();
        var keys = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        await new ReservationsClient(new HttpClient(keys) { BaseAddress = new Uri("http://engine") }, new ReservationsClientOptions()).LogOutAllAsync();

        Assert.Equal(first.ReservationToken, repeat.ReservationToken);
        Assert.True(Guid.TryParse(Assert.Single(keys.IdempotencyKeys), out _));
    }

    [Fact]
    public async Task Unavailable_IsTriedAgainAfterItsRetryAfter_WithTheSameKey()
    {
        var time = FakeClock.Create();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent]);
        var handler = new RecordingHandler(_ =>
        {
            var response = new HttpResponseMessage(answers.Dequeue());
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return response;
        });
        var client = new ReservationsClient(new HttpClient(handler) { BaseAddress = new Uri("http://engine") }, new ReservationsClientOptions { TimeProvider = time });

        var call = client.LogOutAllAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(handler.IdempotencyKeys.Count), count => count == 1, "the first try");
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Single(handler.IdempotencyKeys);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await call;

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(2, handler.IdempotencyKeys.Count);
        Assert.Equal(handler.IdempotencyKeys[0], handler.IdempotencyKeys[1]);
    }

    [Fact]
    public async Task RetriesAndKeysOff_Unavailable_IsAnsweredAtOnceWithItsRetryAfter_AndNoKey()
    {
        var handler = new RecordingHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            return response;
        });
        var options = new ReservationsClientOptions { IdempotencyKeys = false, MaxRetries = 0 };
        var client = new ReservationsClient(new HttpClient(handler) { BaseAddress = new Uri("http://engine") }, options);

        var result = await client.LogOutAllAsync();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ErrorCodes.Unavailable, TimeSpan.FromSeconds(2)), (result.Status, result.Error, result.RetryAfter));
        Assert.Equal("", Assert.Single(handler.IdempotencyKeys));
    }

    [Fact]
    public async Task Refusal_EnsureSuccessThrows_WithTheErrorCode()
    {
        var exception = await Assert.ThrowsAsync<ReservationsApiException>(async () =>
            (await fixture.ClientAs(fixture.UserA1).ReserveSeatAsync(new ReserveSeatRequest("no-such:1"))).EnsureSuccess());

        Assert.Equal(ErrorCodes.SeatNotFound, exception.Error);
        Assert.Equal(HttpStatusCode.NotFound, exception.Status);
    }

    [Fact]
    public async Task AddReservationsClient_RegistersATypedClientWithTheOptions()
    {
        var services = new ServiceCollection();
        services.AddReservationsClient(options =>
        {
            options.BaseAddress = new Uri("http://engine");
            options.AppId = fixture.AppA.AppId;
            options.ApiKey = fixture.AppA.ApiKey;
        }).ConfigurePrimaryHttpMessageHandler(() => fixture.Factory.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var entities = await provider.GetRequiredService<ReservationsClient>().ListEntitiesAsync().Ok();

        Assert.NotNull(entities.Entities);
    }

    /// <summary>Answers every request with <paramref name="answer"/> and keeps the Idempotency-Key each carried.</summary>
    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> IdempotencyKeys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (IdempotencyKeys)
            {
                IdempotencyKeys.Add(request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : "");
            }

            return Task.FromResult(answer(request));
        }
    }
}
