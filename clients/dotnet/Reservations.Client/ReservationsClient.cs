using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace Reservations.Client;

/// <summary>
/// Calls the Reservations API over an <see cref="HttpClient"/> (register one with
/// <c>services.AddReservationsClient(...)</c>). The app's id and key go on every call; a user's token
/// on the calls of the client <see cref="WithBearer"/> made. A POST carries an Idempotency-Key, and a
/// 503 is tried again after its Retry-After with the same key, so a retry never acts twice.
/// </summary>
public sealed partial class ReservationsClient
{
    private const string AppIdHeader = "x-app-id";
    private const string ApiKeyHeader = "x-api-key";
    private const string IdempotencyHeader = "Idempotency-Key";
    private const string ProblemMediaType = "application/problem+json";

    private readonly HttpClient _http;
    private readonly ReservationsClientOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;
    private readonly AuthenticationHeaderValue? _bearer;

    /// <summary>A client over <paramref name="http"/>, whose BaseAddress (or <see cref="ReservationsClientOptions.BaseAddress"/>) is the engine's.</summary>
    public ReservationsClient(HttpClient http, ReservationsClientOptions options)
        : this(http, options, RetryOn503.For(options), null)
    {
    }

    private ReservationsClient(HttpClient http, ReservationsClientOptions options, ResiliencePipeline<HttpResponseMessage> retries, AuthenticationHeaderValue? bearer)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (http.BaseAddress is null && options.BaseAddress is not null)
        {
            http.BaseAddress = options.BaseAddress;
        }

        _http = http;
        _options = options;
        _retries = retries;
        _bearer = bearer;
    }

    /// <summary>The same client, calling with a user's (or an admin's) bearer token; null for none.</summary>
    public ReservationsClient WithBearer(string? token) =>
        new(_http, _options, _retries, token is null ? null : new AuthenticationHeaderValue("Bearer", token));

    /// <summary>
    /// Opens an entity's live seat map (<c>GET /seats/live</c>, Server-Sent Events: a <c>SeatMapSnapshot</c>, then
    /// <c>SeatMapChange</c>s). The caller reads the stream and disposes the response.
    /// </summary>
    public async Task<HttpResponseMessage> OpenSeatMapAsync(string entityId, CancellationToken cancellationToken = default)
    {
        var route = new Route("seats/live");
        route.Query("entityId", entityId);
        using var request = NewRequest(HttpMethod.Get, route.ToString(), null, null);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Body<TBody>(TBody body) => JsonSerializer.SerializeToUtf8Bytes(body, TypeInfos<TBody>.Value);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string uri, byte[]? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (method == HttpMethod.Post && idempotencyKey is null && _options.IdempotencyKeys)
        {
            idempotencyKey = Guid.NewGuid().ToString();
        }

        // With retries off (MaxRetries 0, as a load tester wants) the call skips Polly: no context, no state per call.
        using var response = _retries == ResiliencePipeline<HttpResponseMessage>.Empty
            ? await SendOnceAsync(method, uri, body, idempotencyKey, cancellationToken).ConfigureAwait(false)
            : await _retries.ExecuteAsync(static (call, token) => call.SendAsync(token), new Call(this, method, uri, body, idempotencyKey), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string uri, byte[]? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = NewRequest(method, uri, body, idempotencyKey);
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var value = typeof(T) == typeof(NoContent) || status == HttpStatusCode.NoContent
                ? default
                : await response.Content.ReadFromJsonAsync(TypeInfos<T>.Value, cancellationToken).ConfigureAwait(false);
            return ApiResult<T>.Success(status, value);
        }

        var problem = response.Content.Headers.ContentType?.MediaType == ProblemMediaType
            ? await response.Content.ReadFromJsonAsync(TypeInfos<ProblemDetails>.Value, cancellationToken).ConfigureAwait(false)
            : null;
        return ApiResult<T>.Refusal(status, problem ?? Unexplained(status), RetryOn503.RetryAfter(response));
    }

    /// <summary>A refusal without problem+json (a proxy's, say) still gets a problem, coded by its status.</summary>
    private static ProblemDetails Unexplained(HttpStatusCode status) =>
        new(
            detail: null,
            error: status switch
            {
                HttpStatusCode.ServiceUnavailable => ErrorCodes.Unavailable,
                HttpStatusCode.NotFound => ErrorCodes.NotFound,
                _ => ErrorCodes.Error,
            },
            instance: null,
            lostSeatIds: null,
            status: (int)status,
            title: status.ToString(),
            type: null,
            unavailableSeatIds: null,
            unknownSeatIds: null);

    private HttpRequestMessage NewRequest(HttpMethod method, string uri, byte[]? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, uri);
        var headers = request.Headers;
        if (_options.AppId is { } appId)
        {
            headers.TryAddWithoutValidation(AppIdHeader, appId);
        }

        if (_options.ApiKey is { } apiKey)
        {
            headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
        }

        headers.Authorization = _bearer;
        if (idempotencyKey is not null)
        {
            headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonMediaType } };
        }

        return request;
    }

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    /// <summary>One call, sent again as a new request (same body, same key) on each try.</summary>
    private sealed class Call(ReservationsClient client, HttpMethod method, string uri, byte[]? body, string? idempotencyKey)
    {
        public async ValueTask<HttpResponseMessage> SendAsync(CancellationToken cancellationToken) =>
            await client.SendOnceAsync(method, uri, body, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }
}
