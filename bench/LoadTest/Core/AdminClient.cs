using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Wire;

namespace Reservations.LoadTest.Core;

/// <summary>
/// The admin API calls the tool makes outside the measured traffic: log in, create the app, seed, read bookings. Logging in
/// and reading bookings are repeated while the engine answers 503 or not at all, so that a run whose cluster is failing
/// over still ends with its invariant check.
/// </summary>
public sealed class AdminClient(HttpClient http)
{
    private const int MaxSeatsPerSeed = 5_000;
    private const int BookingPageSize = 500;
    private const int MaxBookingPages = 10_000;
    private const int MaxRetriesWhileBusy = 10;
    private static readonly TimeSpan RetryPauseCap = TimeSpan.FromSeconds(5);

    private const int Unlimited = 1_000_000;

    private AuthenticationHeaderValue? _authorization;
    private (string Username, string Password)? _credentials;

    public async Task LogInAsync(string username, string password, CancellationToken cancellationToken)
    {
        _credentials = (username, password);
        _authorization = null;
        var token = await SendAsync(
            HttpMethod.Post, "/admin/login", new AdminLoginRequest(username, password), WireJsonContext.Default.AdminLoginRequest,
            WireJsonContext.Default.TokenResponse, MaxRetriesWhileBusy, cancellationToken);
        _authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    public Task<CreatedAppResponse> CreateAppAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post, "/admin/apps", new CreateAppRequest(name, "EVENT", []), WireJsonContext.Default.CreateAppRequest,
            WireJsonContext.Default.CreatedAppResponse, retriesWhileBusy: 0, cancellationToken);

    /// <summary>
    /// Lifts the app's rate limits and holds per user as far as the engine allows: the tool is one client address
    /// signing up and driving many users, which the engine's limits are there to stop.
    /// </summary>
    public Task<AppResponse> LiftLimitsAsync(string appId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Patch, $"/admin/apps/{Uri.EscapeDataString(appId)}",
            new UpdateAppRequest(new AbuseLimits(1000, 1, Unlimited, Unlimited, Unlimited, Unlimited, Unlimited, Unlimited)),
            WireJsonContext.Default.UpdateAppRequest, WireJsonContext.Default.AppResponse, retriesWhileBusy: 0, cancellationToken);

    public Task<WebhookEndpointResponse> RegisterWebhookAsync(string appId, string url, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post, $"/admin/apps/{Uri.EscapeDataString(appId)}/webhooks",
            new WebhookEndpointRequest(url, ["booking.confirmed", "hold.expired", "hold.released", "seat.released"]),
            WireJsonContext.Default.WebhookEndpointRequest, WireJsonContext.Default.WebhookEndpointResponse, retriesWhileBusy: 0, cancellationToken);

    /// <summary>Seeds <paramref name="count"/> seats under entities named <paramref name="entityPrefix"/>-0, -1, ...</summary>
    public async Task<IReadOnlyList<SeatRef>> SeedAsync(string appId, string entityPrefix, int count, CancellationToken cancellationToken)
    {
        var seats = new List<SeatRef>(count);
        for (var batch = 0; seats.Count < count; batch++)
        {
            var size = Math.Min(MaxSeatsPerSeed, count - seats.Count);
            var request = new SeedDataRequest(
                appId, $"{entityPrefix}-{batch}", Enumerable.Range(0, size).Select(i => new SeedSeatRequest($"S{i + 1}", 10m)).ToList());
            var seeded = await SendAsync(
                HttpMethod.Post, "/admin/seed-data", request, WireJsonContext.Default.SeedDataRequest, WireJsonContext.Default.SeedDataResponse,
                retriesWhileBusy: 0, cancellationToken);
            seats.AddRange(seeded.Seats.Select(s => new SeatRef(
                s.SeatId, JsonSerializer.SerializeToUtf8Bytes(new ReserveSeatRequest(s.SeatId), WireJsonContext.Default.ReserveSeatRequest))));
        }

        return seats;
    }

    public async Task<IReadOnlyList<EngineBooking>> ListBookingsAsync(string appId, CancellationToken cancellationToken)
    {
        var bookings = new List<EngineBooking>();
        string? cursor = null;
        for (var page = 0; page < MaxBookingPages; page++)
        {
            var uri = $"/admin/bookings?appId={Uri.EscapeDataString(appId)}&limit={BookingPageSize}"
                + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var result = await SendAsync<object, BookingPage>(
                HttpMethod.Get, uri, null, null, WireJsonContext.Default.BookingPage, MaxRetriesWhileBusy, cancellationToken);
            bookings.AddRange(result.Items.Select(b => new EngineBooking(b.BookingId, b.SeatId, b.PaymentId)));
            if (result.NextCursor is null)
            {
                return bookings;
            }

            cursor = result.NextCursor;
        }

        throw new LoadTestException($"GET /admin/bookings gave more than {MaxBookingPages} pages.");
    }

    // Seeding and app creation are not repeated: a lost answer may hide a write that did happen.
    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string uri, TRequest? body, JsonTypeInfo<TRequest>? requestType, JsonTypeInfo<TResponse> responseType,
        int retriesWhileBusy, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = _authorization;
            if (body is not null && requestType is not null)
            {
                request.Content = JsonContent.Create(body, requestType);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (retry < retriesWhileBusy)
                {
                    await Task.Delay(BusyRetryPause.Before(retry, null, RetryPauseCap), cancellationToken);
                    continue;
                }

                throw new LoadTestException($"{method} {uri}: no answer from the engine ({exception.Message}).", exception);
            }

            using (response)
            {
                // Admin tokens last 15 minutes, and a long run reads its bookings at the end: log in again once.
                if (response.StatusCode == HttpStatusCode.Unauthorized && retry == 0 && _authorization is not null && _credentials is { } credentials)
                {
                    await LogInAsync(credentials.Username, credentials.Password, cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && retry < retriesWhileBusy)
                {
                    await Task.Delay(BusyRetryPause.Before(retry, response.Headers.RetryAfter?.Delta, RetryPauseCap), cancellationToken);
                    continue;
                }

                return await ReadAsync(method, uri, response, responseType, cancellationToken);
            }
        }
    }

    private static async Task<TResponse> ReadAsync<TResponse>(
        HttpMethod method, string uri, HttpResponseMessage response, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new LoadTestException($"{method} {uri} answered {(int)response.StatusCode}: {problem}");
        }

        return await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
            ?? throw new LoadTestException($"{method} {uri} answered an empty body.");
    }
}
