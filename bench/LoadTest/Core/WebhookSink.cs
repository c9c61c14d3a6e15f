using System.Net;

namespace Reservations.LoadTest.Core;

/// <summary>
/// A webhook receiver for --webhooks: answers every POST 204 at once and counts them, so a run
/// measures what registered endpoints cost the engine, not what a slow receiver would.
/// </summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private long _received;

    private WebhookSink(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public long Received => Interlocked.Read(ref _received);

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
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = (int)HttpStatusCode.NoContent;
                context.Response.Close();
                Interlocked.Increment(ref _received);
            });
        }
    }
}
