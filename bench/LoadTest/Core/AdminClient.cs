using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Wire;

namespace Reservations.LoadTest.Core;

/// <summary>The admin API calls the tool makes outside the measured traffic: log in, create the app, seed, read bookings.</summary>
public sealed class AdminClient(HttpClient http)
{
    private const int MaxSeatsPerSeed = 5_000;
    private const int BookingPageSize = 500;
    private const int MaxBookingPages = 10_000;

    private AuthenticationHeaderValue? _authorization;

    public async Task LogInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var token = await SendAsync(
            HttpMethod.Post, "/admin/login", new AdminLoginRequest(username, password), WireJsonContext.Default.AdminLoginRequest,
            WireJsonContext.Default.TokenResponse, cancellationToken);
        _authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    public Task<CreatedAppResponse> CreateAppAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post, "/admin/apps", new CreateAppRequest(name, "EVENT", []), WireJsonContext.Default.CreateAppRequest,
            WireJsonContext.Default.CreatedAppResponse, cancellationToken);

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
                HttpMethod.Post, "/admin/seed-data", request, WireJsonContext.Default.SeedDataRequest, WireJsonContext.Default.SeedDataResponse, cancellationToken);
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
            var result = await SendAsync<object, BookingPage>(HttpMethod.Get, uri, null, null, WireJsonContext.Default.BookingPage, cancellationToken);
            bookings.AddRange(result.Items.Select(b => new EngineBooking(b.BookingId, b.SeatId)));
            if (result.NextCursor is null)
            {
                return bookings;
            }

            cursor = result.NextCursor;
        }

        throw new LoadTestException($"GET /admin/bookings gave more than {MaxBookingPages} pages.");
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string uri, TRequest? body, JsonTypeInfo<TRequest>? requestType, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
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
        catch (HttpRequestException exception)
        {
            throw new LoadTestException($"{method} {uri}: no answer from the engine ({exception.Message}).", exception);
        }

        using (response)
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
}
