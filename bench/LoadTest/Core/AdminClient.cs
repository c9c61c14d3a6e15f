using System.Net;
using Reservations.Client;
using Reservations.LoadTest.Invariants;

namespace Reservations.LoadTest.Core;

/// <summary>
/// The admin API calls the tool makes outside the measured traffic, through the .NET client: log in, create the app, seed,
/// read bookings. Logging in and reading bookings are repeated while the engine answers 503 or not at all, so that a run
/// whose cluster is failing over still ends with its invariant check.
/// </summary>
public sealed class AdminClient
{
    /// <summary>The seats of one seed request; <see cref="SeedAsync"/> makes an entity of each.</summary>
    public const int MaxSeatsPerSeed = 5_000;
    private const int BookingPageSize = 500;
    private const int MaxBookingPages = 10_000;
    private const int MaxRetriesWhileBusy = 10;
    private static readonly TimeSpan RetryPauseCap = TimeSpan.FromSeconds(5);

    private const int Unlimited = 1_000_000;

    private readonly ReservationsClient _anonymous;
    private ReservationsClient? _admin;
    private (string Username, string Password)? _credentials;

    // The client's own retries and keys are off: this class decides what is repeated, and how often.
    public AdminClient(HttpClient http) =>
        _anonymous = new ReservationsClient(http, new ReservationsClientOptions { IdempotencyKeys = false, MaxRetries = 0 });

    public async Task LogInAsync(string username, string password, CancellationToken cancellationToken)
    {
        _credentials = (username, password);
        _admin = null;
        var token = await SendAsync(
            "POST /admin/login", (client, ct) => client.AdminLogInAsync(new AdminLoginRequest(username: username, password: password), cancellationToken: ct),
            MaxRetriesWhileBusy, cancellationToken);
        _admin = _anonymous.WithBearer(token.Token);
    }

    public Task<CreatedAppResponse> CreateAppAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(
            "POST /admin/apps", (client, ct) => client.CreateAppAsync(new CreateAppRequest(name: name, domain: "EVENT", allowedDomains: []), cancellationToken: ct),
            retriesWhileBusy: 0, cancellationToken);

    /// <summary>
    /// Lifts the app's rate limits and holds per user as far as the engine allows: the tool is one client address
    /// signing up and driving many users, which the engine's limits are there to stop.
    /// </summary>
    public Task<AppResponse> LiftLimitsAsync(string appId, CancellationToken cancellationToken)
    {
        var limits = new AbuseLimitsJson(
            maxHoldsPerUser: 1000, windowSeconds: 1, signupsPerAddress: Unlimited, signupsPerAccount: Unlimited, loginsPerAddress: Unlimited,
            loginsPerAccount: Unlimited, holdsPerAddress: Unlimited, holdsPerAccount: Unlimited);
        var update = new UpdateAppRequest(name: null, allowedDomains: null, enabled: null, holdLimits: null, confirmation: null, limits: limits);
        return SendAsync("PATCH /admin/apps/{appId}", (client, ct) => client.UpdateAppAsync(appId, update, ct), retriesWhileBusy: 0, cancellationToken);
    }

    public Task<WebhookEndpointSecretResponse> RegisterWebhookAsync(string appId, string url, bool batch, CancellationToken cancellationToken)
    {
        var endpoint = new WebhookEndpointRequest(url: url, events: ["booking.confirmed", "hold.expired", "hold.released", "seat.released"], batch: batch);
        return SendAsync(
            "POST /admin/apps/{appId}/webhooks", (client, ct) => client.CreateWebhookEndpointAsync(appId, endpoint, cancellationToken: ct),
            retriesWhileBusy: 0, cancellationToken);
    }

    /// <summary>Seeds <paramref name="count"/> seats under entities named <paramref name="entityPrefix"/>-0, -1, ...</summary>
    public async Task<IReadOnlyList<SeatRef>> SeedAsync(string appId, string entityPrefix, int count, CancellationToken cancellationToken)
    {
        var seats = new List<SeatRef>(count);
        for (var batch = 0; seats.Count < count; batch++)
        {
            var size = Math.Min(MaxSeatsPerSeed, count - seats.Count);
            var request = new SeedDataRequest(
                appId: appId, entityId: $"{entityPrefix}-{batch}",
                seats: [.. Enumerable.Range(0, size).Select(i => new SeedSeatRequest(seatNumber: $"S{i + 1}", price: 10m, section: null, row: null, position: null, category: null, accessible: null))],
                categories: null,
                focalPoint: null);
            var seeded = await SendAsync(
                "POST /admin/seed-data", (client, ct) => client.SeedDataAsync(request, cancellationToken: ct), retriesWhileBusy: 0, cancellationToken);
            seats.AddRange(seeded.Seats.Select(s => new SeatRef(s.SeatId, new ReserveSeatRequest(s.SeatId))));
        }

        return seats;
    }

    /// <summary>Seeds one entity of <paramref name="count"/> seats in rows of <paramref name="rowWidth"/> (R1, R2, ..., positions from 1); returns the rows' widths.</summary>
    public async Task<IReadOnlyList<int>> SeedHallAsync(string appId, string entityId, int count, int rowWidth, CancellationToken cancellationToken)
    {
        for (var done = 0; done < count;)
        {
            var size = Math.Min(MaxSeatsPerSeed - (MaxSeatsPerSeed % rowWidth), count - done);
            var first = done;
            var request = new SeedDataRequest(
                appId: appId, entityId: entityId, categories: null, focalPoint: null,
                seats: [.. Enumerable.Range(first, size).Select(i => new SeedSeatRequest(
                    seatNumber: $"R{(i / rowWidth) + 1}-{(i % rowWidth) + 1}", price: 10m, section: null, row: $"R{(i / rowWidth) + 1}", position: (i % rowWidth) + 1,
                    category: null, accessible: null))]);
            await SendAsync("POST /admin/seed-data", (client, ct) => client.SeedDataAsync(request, cancellationToken: ct), retriesWhileBusy: 0, cancellationToken);
            done += size;
        }

        return [.. Enumerable.Range(0, (count + rowWidth - 1) / rowWidth).Select(r => Math.Min(rowWidth, count - (r * rowWidth)))];
    }

    public async Task<IReadOnlyList<EngineBooking>> ListBookingsAsync(string appId, CancellationToken cancellationToken)
    {
        var bookings = new List<EngineBooking>();
        string? cursor = null;
        for (var page = 0; page < MaxBookingPages; page++)
        {
            var after = cursor;
            var result = await SendAsync(
                "GET /admin/bookings", (client, ct) => client.ListAllBookingsAsync(appId: appId, limit: BookingPageSize, cursor: after, cancellationToken: ct),
                MaxRetriesWhileBusy, cancellationToken);
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
    private async Task<T> SendAsync<T>(
        string what, Func<ReservationsClient, CancellationToken, Task<ApiResult<T>>> call, int retriesWhileBusy, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            ApiResult<T> result;
            try
            {
                result = await call(_admin ?? _anonymous, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (retry < retriesWhileBusy)
                {
                    await Task.Delay(BusyRetryPause.Before(retry, null, RetryPauseCap), cancellationToken);
                    continue;
                }

                throw new LoadTestException($"{what}: no answer from the engine ({exception.Message}).", exception);
            }

            // Admin tokens last 15 minutes, and a long run reads its bookings at the end: log in again once.
            if (result.Status == HttpStatusCode.Unauthorized && retry == 0 && _admin is not null && _credentials is { } credentials)
            {
                await LogInAsync(credentials.Username, credentials.Password, cancellationToken);
                continue;
            }

            if (result.Status == HttpStatusCode.ServiceUnavailable && retry < retriesWhileBusy)
            {
                await Task.Delay(BusyRetryPause.Before(retry, result.RetryAfter, RetryPauseCap), cancellationToken);
                continue;
            }

            if (!result.IsSuccess)
            {
                throw new LoadTestException($"{what} answered {(int)result.Status}: {result.Error} {result.Problem.Detail ?? result.Problem.Title}");
            }

            return result.Value ?? throw new LoadTestException($"{what} answered an empty body.");
        }
    }
}
