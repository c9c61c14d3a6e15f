using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Reservations.Grains.Webhooks;

/// <summary>
/// Sends one delivery: POST of the event's JSON with the Standard Webhooks headers, no redirects
/// followed, 10 s at most. Any 2xx is delivered; anything else, or no answer, is a failed attempt.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    /// <summary>The longest a receiver may take to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const int MaxErrorLength = 200;

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout,
    };

    /// <summary>The attempt's outcome: the status code, or why there was none.</summary>
    public async Task<(int? StatusCode, string? Error, int DurationMilliseconds)> SendAsync(string url, string secret, string eventId, string payload, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(secret, eventId, timestamp, payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Reservations-Webhooks", "1"));

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var code = (int)response.StatusCode;
            return (code, code is >= 200 and < 300 ? null : $"HTTP {code}", Elapsed(watch));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            var error = exception is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : exception.Message;
            return (null, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, Elapsed(watch));
        }
    }

    public void Dispose() => _client.Dispose();

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
}
