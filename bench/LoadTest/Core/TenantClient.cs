using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Reservations.Client;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;

namespace Reservations.LoadTest.Core;

/// <summary>
/// The tenant API as the scenarios call it, through the .NET client: every call goes to the user's gateway of the moment
/// and is timed into the phase's meter; no answer is status 0. Signups go to the first gateway.
/// </summary>
public sealed class TenantClient
{
    private readonly Gateways _gateways;
    private readonly IReadOnlyList<ReservationsClient> _clients;
    private readonly IReadOnlyList<ReservationsClient> _watchClients;

    public TenantClient(Gateways gateways, string appId, string apiKey)
    {
        // The tester must see every raw status, and an Idempotency-Key would triple the engine's durable writes per hold.
        var options = new ReservationsClientOptions { AppId = appId, ApiKey = apiKey, IdempotencyKeys = false, MaxRetries = 0 };
        _gateways = gateways;
        _clients = [.. Enumerable.Range(0, gateways.Count).Select(g => new ReservationsClient(gateways[g], options))];
        _watchClients = [.. Enumerable.Range(0, gateways.Count).Select(g => new ReservationsClient(gateways.WatchClient(g), options))];
    }

    public TenantClient(HttpClient http, string appId, string apiKey)
        : this(new Gateways(http), appId, apiKey)
    {
    }

    public async Task<UserSession> SignUpAsync(string email, string password, string name, int homeGateway, CancellationToken cancellationToken)
    {
        var result = await _clients[0].SignUpAsync(new SignupRequest(email: email, password: password, name: name), cancellationToken: cancellationToken);
        if (!result.IsSuccess)
        {
            throw new LoadTestException($"POST /auth/signup answered {(int)result.Status}: {result.Error} {result.Problem.Detail}");
        }

        var body = result.Value ?? throw new LoadTestException("POST /auth/signup answered an empty body.");
        return Session(body.UserId, body.Token, homeGateway);
    }

    /// <summary>A user whose token is <paramref name="token"/>, with a client per gateway that calls as this user.</summary>
    public UserSession Session(string userId, string token, int homeGateway) =>
        new(userId, token, [.. _clients.Select(client => client.WithBearer(token))], homeGateway);

    /// <summary>GET /health/live, a probe outside the API document, straight through the gateway's connection pool.</summary>
    public async Task<int> HealthAsync(Meter meter, int gateway, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            using var response = await _gateways[gateway].GetAsync("/health/live", cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (Exception exception) when (IsNoAnswer(exception, cancellationToken))
        {
        }

        meter.Record(RequestKind.Health, status, gateway, started);
        return status;
    }

    public async Task<ReserveResult> ReserveAsync(Meter meter, UserSession user, SeatRef seat, CancellationToken cancellationToken)
    {
        var (gateway, started) = (_gateways.For(user), Stopwatch.GetTimestamp());
        var result = await TimedAsync(
            meter, RequestKind.Reserve, gateway, started, user.ClientAt(gateway).ReserveSeatAsync(seat.ReserveBody, cancellationToken: cancellationToken), cancellationToken);
        var granted = result is { Status: HttpStatusCode.Created } ? result.Value : null;
        return new ReserveResult(Status(result), granted?.ReservationToken, granted?.ExpiresAt ?? default, DateTimeOffset.UtcNow);
    }

    public async Task<int> ReleaseAsync(Meter meter, UserSession user, string reservationToken, CancellationToken cancellationToken)
    {
        var (gateway, started) = (_gateways.For(user), Stopwatch.GetTimestamp());
        var result = await TimedAsync(
            meter, RequestKind.Release, gateway, started,
            user.ClientAt(gateway).ReleaseSeatAsync(new ReleaseSeatRequest(reservationToken), cancellationToken: cancellationToken), cancellationToken);
        return Status(result);
    }

    public async Task<ConfirmReply> ConfirmAsync(Meter meter, UserSession user, string reservationToken, string paymentId, CancellationToken cancellationToken)
    {
        var result = await ConfirmOnceAsync(meter, user, reservationToken, paymentId, cancellationToken);
        return new ConfirmReply(Status(result), result is { IsSuccess: true } ? result.Value?.BookingId : null, DateTimeOffset.UtcNow, result?.RetryAfter);
    }

    /// <summary>Opens the entity's live seat map (Server-Sent Events) through the gateway's watcher pool; the caller reads and disposes it.</summary>
    public Task<HttpResponseMessage> OpenSeatMapAsync(int gateway, string entityId, CancellationToken cancellationToken) =>
        _watchClients[gateway].OpenSeatMapAsync(entityId, cancellationToken);

    public async Task<GroupReserveResult> ReserveGroupAsync(Meter meter, UserSession user, IReadOnlyList<string> seatIds, CancellationToken cancellationToken)
    {
        var (gateway, started) = (_gateways.For(user), Stopwatch.GetTimestamp());
        var result = await TimedAsync(
            meter, RequestKind.Reserve, gateway, started, user.ClientAt(gateway).ReserveSeatsAsync(new ReserveSeatsRequest(seatIds), cancellationToken: cancellationToken), cancellationToken);
        var granted = result is { Status: HttpStatusCode.Created } ? result.Value : null;
        return new GroupReserveResult(Status(result), granted?.ReservationToken, granted?.ExpiresAt ?? default, DateTimeOffset.UtcNow);
    }

    public async Task<BestReserveResult> ReserveBestAsync(Meter meter, UserSession user, string entityId, int count, CancellationToken cancellationToken)
    {
        var (gateway, started) = (_gateways.For(user), Stopwatch.GetTimestamp());
        var body = new ReserveBestRequest(entityId: entityId, count: count, category: null, section: null, accessible: null);
        var result = await TimedAsync(meter, RequestKind.Reserve, gateway, started, user.ClientAt(gateway).ReserveBestAsync(body, cancellationToken: cancellationToken), cancellationToken);
        var granted = result is { Status: HttpStatusCode.Created } ? result.Value : null;
        return new BestReserveResult(Status(result), granted?.ReservationToken, granted?.ExpiresAt ?? default, granted?.SeatIds ?? [], DateTimeOffset.UtcNow);
    }

    /// <summary>The entity's seats as GET /seats lists them (untimed: read once, after a run).</summary>
    public async Task<IReadOnlyList<SeatResponse>> ListSeatsAsync(UserSession user, string entityId, CancellationToken cancellationToken)
    {
        var result = await user.ClientAt(_gateways.For(user)).ListSeatsAsync(entityId, cancellationToken: cancellationToken);
        return result.EnsureSuccess().Seats;
    }

    public async Task<GroupConfirmReply> ConfirmGroupAsync(Meter meter, UserSession user, string reservationToken, string paymentId, CancellationToken cancellationToken)
    {
        var result = await ConfirmOnceAsync(meter, user, reservationToken, paymentId, cancellationToken);
        IReadOnlyDictionary<string, string> bookings = result is { IsSuccess: true, Value.Bookings: { } booked }
            ? booked.ToDictionary(b => b.SeatId, b => b.BookingId, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new GroupConfirmReply(Status(result), bookings, DateTimeOffset.UtcNow);
    }

    private Task<ApiResult<BookingOrGroupBookingResponse>?> ConfirmOnceAsync(
        Meter meter, UserSession user, string reservationToken, string paymentId, CancellationToken cancellationToken)
    {
        var (gateway, started) = (_gateways.For(user), Stopwatch.GetTimestamp());
        var body = new ConfirmBookingRequest(reservationToken: reservationToken, paymentId: paymentId);
        return TimedAsync(meter, RequestKind.Confirm, gateway, started, user.ClientAt(gateway).ConfirmBookingAsync(body, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>Awaits, times (from <paramref name="started"/>, before the call began) and counts one call; null when the engine gave no answer (status 0).</summary>
    private static async Task<ApiResult<T>?> TimedAsync<T>(
        Meter meter, RequestKind kind, int gateway, long started, Task<ApiResult<T>> call, CancellationToken cancellationToken)
    {
        ApiResult<T>? result = null;
        try
        {
            result = await call;
        }
        catch (Exception exception) when (IsNoAnswer(exception, cancellationToken))
        {
        }

        meter.Record(kind, Status(result), gateway, started);
        return result;
    }

    private static int Status<T>(ApiResult<T>? result) => result is null ? 0 : (int)result.Status;

    // A timeout or a broken connection is an outcome to count; the run's own cancellation is not.
    private static bool IsNoAnswer(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or JsonException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
