using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;
using Reservations.LoadTest.Wire;

namespace Reservations.LoadTest.Core;

/// <summary>
/// The tenant API as the scenarios call it: every call goes to the user's gateway of the moment and is timed into the
/// phase's meter; no answer is status 0. Signups go to the first gateway.
/// </summary>
public sealed class TenantClient(Gateways gateways, string appId, string apiKey)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public TenantClient(HttpClient http, string appId, string apiKey)
        : this(new Gateways(http), appId, apiKey)
    {
    }

    public async Task<UserSession> SignUpAsync(string email, string password, string name, int homeGateway, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "/auth/signup", null);
        request.Content = JsonContent.Create(new SignupRequest(email, password, name), WireJsonContext.Default.SignupRequest);
        using var response = await gateways.First.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new LoadTestException($"POST /auth/signup answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var body = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.SignupResponse, cancellationToken)
            ?? throw new LoadTestException("POST /auth/signup answered an empty body.");
        return new UserSession(body.UserId, new AuthenticationHeaderValue("Bearer", body.Token), homeGateway);
    }

    public async Task<int> HealthAsync(Meter meter, int gateway, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        return await SendAsync(meter, RequestKind.Health, gateway, request, null, cancellationToken);
    }

    public async Task<ReserveResult> ReserveAsync(Meter meter, UserSession user, SeatRef seat, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "/reserve-seat", user);
        request.Content = new ReadOnlyMemoryContent(seat.ReserveBody) { Headers = { ContentType = JsonType } };
        ReservationResponse? granted = null;
        var status = await SendAsync(meter, RequestKind.Reserve, gateways.For(user), request, async (response, ct) =>
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                granted = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.ReservationResponse, ct);
            }
        }, cancellationToken);
        return new ReserveResult(status, granted?.ReservationToken, granted?.ExpiresAt ?? default, DateTimeOffset.UtcNow);
    }

    public async Task<int> ReleaseAsync(Meter meter, UserSession user, string reservationToken, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "/release-seat", user);
        request.Content = JsonContent.Create(new ReleaseSeatRequest(reservationToken), WireJsonContext.Default.ReleaseSeatRequest);
        return await SendAsync(meter, RequestKind.Release, gateways.For(user), request, null, cancellationToken);
    }

    public async Task<ConfirmReply> ConfirmAsync(Meter meter, UserSession user, string reservationToken, string paymentId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "/confirm-booking", user);
        request.Content = JsonContent.Create(new ConfirmBookingRequest(reservationToken, paymentId), WireJsonContext.Default.ConfirmBookingRequest);
        string? bookingId = null;
        TimeSpan? retryAfter = null;
        var status = await SendAsync(meter, RequestKind.Confirm, gateways.For(user), request, async (response, ct) =>
        {
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                bookingId = (await response.Content.ReadFromJsonAsync(WireJsonContext.Default.BookingResponse, ct))?.BookingId;
            }
            else if (response.Headers.RetryAfter is { } after)
            {
                retryAfter = after.Delta ?? after.Date - DateTimeOffset.UtcNow;
            }
        }, cancellationToken);
        return new ConfirmReply(status, bookingId, DateTimeOffset.UtcNow, retryAfter);
    }

    /// <summary>Opens the entity's live seat map (Server-Sent Events) through <paramref name="http"/>; the caller reads and disposes it.</summary>
    public async Task<HttpResponseMessage> OpenSeatMapAsync(HttpClient http, string entityId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, $"/seats/live?entityId={Uri.EscapeDataString(entityId)}", null);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public async Task<GroupReserveResult> ReserveGroupAsync(Meter meter, UserSession user, IReadOnlyList<string> seatIds, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "/reserve-seats", user);
        request.Content = JsonContent.Create(new ReserveSeatsRequest(seatIds), WireJsonContext.Default.ReserveSeatsRequest);
        GroupReservationResponse? granted = null;
        var status = await SendAsync(meter, RequestKind.Reserve, gateways.For(user), request, async (response, ct) =>
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                granted = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.GroupReservationResponse, ct);
            }
        }, cancellationToken);
        return new GroupReserveResult(status, granted?.ReservationToken, granted?.ExpiresAt ?? default, DateTimeOffset.UtcNow);
    }

    public async Task<GroupConfirmReply> ConfirmGroupAsync(Meter meter, UserSession user, string reservationToken, string paymentId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, "/confirm-booking", user);
        request.Content = JsonContent.Create(new ConfirmBookingRequest(reservationToken, paymentId), WireJsonContext.Default.ConfirmBookingRequest);
        IReadOnlyDictionary<string, string> bookings = new Dictionary<string, string>();
        var status = await SendAsync(meter, RequestKind.Confirm, gateways.For(user), request, async (response, ct) =>
        {
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created
                && await response.Content.ReadFromJsonAsync(WireJsonContext.Default.GroupBookingResponse, ct) is { } body)
            {
                bookings = body.Bookings.ToDictionary(b => b.SeatId, b => b.BookingId, StringComparer.Ordinal);
            }
        }, cancellationToken);
        return new GroupConfirmReply(status, bookings, DateTimeOffset.UtcNow);
    }

    /// <summary>Sends, times and counts one request; <paramref name="read"/> reads what it needs of an answer.</summary>
    private async Task<int> SendAsync(
        Meter meter, RequestKind kind, int gateway, HttpRequestMessage request, Func<HttpResponseMessage, CancellationToken, Task>? read, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            using var response = await gateways[gateway].SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (read is not null)
            {
                await read(response, cancellationToken);
            }
        }
        catch (Exception exception) when (IsNoAnswer(exception, cancellationToken))
        {
        }

        meter.Record(kind, status, gateway, started);
        return status;
    }

    // A timeout or a broken connection is an outcome to count; the run's own cancellation is not.
    private static bool IsNoAnswer(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or JsonException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private HttpRequestMessage NewRequest(HttpMethod method, string uri, UserSession? user)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("x-app-id", appId);
        request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        request.Headers.Authorization = user?.Authorization;
        return request;
    }
}
