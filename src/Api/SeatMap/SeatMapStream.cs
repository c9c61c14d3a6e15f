using System.Diagnostics;
using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Reservations.Api.Contracts;
using Reservations.Api.Endpoints;
using Reservations.Grains.Seats;

namespace Reservations.Api.SeatMap;

/// <summary>
/// GET /seats/live's answer, as Server-Sent Events: <c>snapshot</c>, then a <c>seat</c> event per change, and a
/// <c>: keep-alive</c> comment after 15 s of silence (on the injected clock). Written here rather than with
/// TypedResults.ServerSentEvents, whose formatter cannot write a comment. Statuses are as of serverTime, as
/// GET /seats computes them: a hold past its end is "available" (I5). A change goes out at once, but at most one
/// write per <paramref name="sendInterval"/> (real time, not the injected clock: it paces the CPU and the network);
/// changes that come in between wait, each seat's latest only, and leave together.
/// </summary>
internal sealed class SeatMapStream(SeatMapSubscription subscription, TimeSpan sendInterval, TimeProvider time, IHostApplicationLifetime lifetime)
    : IResult, IEndpointMetadataProvider
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private int _keepAliveDue;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SeatMapSnapshot), ["text/event-stream"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = subscription;
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx and the like: pass each event on at once
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        var client = subscription.Client;
        using var keepAlive = time.CreateTimer(_ =>
        {
            Volatile.Write(ref _keepAliveDue, 1);
            client.Wake();
        }, null, KeepAlive, Timeout.InfiniteTimeSpan);

        var body = response.BodyWriter;
        using var json = new Utf8JsonWriter(body);
        try
        {
            WriteSnapshot(body, json);
            await body.FlushAsync(stop.Token);
            var batch = new Dictionary<string, SeatChange>();
            var lastWrite = Stopwatch.GetTimestamp();
            while (await client.WaitAsync(stop.Token))
            {
                var pause = sendInterval - Stopwatch.GetElapsedTime(lastWrite);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, stop.Token);
                }

                batch = client.Take(batch);
                if (client.Overflowed)
                {
                    return; // too far behind to catch up change by change: reconnecting gives a fresh snapshot
                }

                if (batch.Count > 0)
                {
                    var now = time.GetUtcNow();
                    foreach (var (seatId, change) in batch)
                    {
                        var (status, heldUntil) = StatusAt(change.Status, change.HeldUntil, now);
                        WriteEvent(body, json, "event: seat\ndata: "u8, new SeatMapChange(seatId, status, heldUntil, now), ApiJsonContext.Default.SeatMapChange);
                    }
                }
                else if (Interlocked.Exchange(ref _keepAliveDue, 0) == 1)
                {
                    body.Write(": keep-alive\n\n"u8);
                }
                else
                {
                    continue;
                }

                keepAlive.Change(KeepAlive, Timeout.InfiniteTimeSpan);
                await body.FlushAsync(stop.Token);
                lastWrite = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, or the host is stopping.
        }
    }

    private void WriteSnapshot(PipeWriter body, Utf8JsonWriter json)
    {
        var now = time.GetUtcNow();
        var seats = new SeatResponse[subscription.Snapshot.Length];
        for (var i = 0; i < seats.Length; i++)
        {
            var seat = subscription.Snapshot[i];
            var (status, heldUntil) = StatusAt(seat.Status, seat.HeldUntil, now);
            seats[i] = new SeatResponse(
                seat.SeatId, seat.SeatNumber, seat.Price, status, heldUntil, seat.Place?.Section, seat.Place?.Row, seat.Place?.Position, seat.Category, seat.Place?.Accessible, seat.Channel);
        }

        WriteEvent(body, json, "event: snapshot\ndata: "u8, new SeatMapSnapshot(subscription.EntityId, now, seats), ApiJsonContext.Default.SeatMapSnapshot);
    }

    private static void WriteEvent<T>(PipeWriter body, Utf8JsonWriter json, ReadOnlySpan<byte> header, T data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        body.Write(header);
        json.Reset(body);
        JsonSerializer.Serialize(json, data, type);
        json.Flush();
        body.Write("\n\n"u8);
    }

    private static (string Status, DateTimeOffset? HeldUntil) StatusAt(SeatStatus status, DateTimeOffset? heldUntil, DateTimeOffset now) =>
        status == SeatStatus.Held && heldUntil > now ? (SeatEndpoints.StatusText(SeatStatus.Held), heldUntil)
        : status == SeatStatus.Held ? (SeatEndpoints.StatusText(SeatStatus.Available), null)
        : (SeatEndpoints.StatusText(status), null);
}
