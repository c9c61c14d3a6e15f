using System.Net;

namespace Reservations.LoadTest.Core;

/// <summary>
/// A webhook receiver for --webhooks: answers every POST 204 at once and counts the requests and the
/// events in them (a batching endpoint's request carries several), so a run measures what registered
/// endpoints cost the engine, not what a slow receiver would.
/// </summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private static readonly byte[] EventIdProperty = "\"id\":\"evt_"u8.ToArray();
    private long _received;
    private long _requests;

    private WebhookSink(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Events received.</summary>
    public long Received => Interlocked.Read(ref _received);

    public long Requests => Interlocked.Read(ref _requests);

    public static WebhookSink Start() => new(Engine.FreePort.Next());

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                // One "id":"evt_… per event envelope (their data has no such property).
                Interlocked.Add(ref _received, body.GetBuffer().AsSpan(0, (int)body.Length).Count(EventIdProperty));
                Interlocked.Increment(ref _requests);
                context.Response.StatusCode = (int)HttpStatusCode.NoContent;
                context.Response.Close();
            });
        }
    }
}
