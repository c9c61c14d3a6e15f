using System.Collections.Concurrent;

namespace Reservations.LoadTest.Tests.Infrastructure;

/// <summary>A gateway that answers from a script instead of an engine, and records what it was sent.</summary>
public sealed class StubGateway(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>A client for this stub at <paramref name="address"/>; the client owns the stub.</summary>
    public HttpClient Client(string address) => new(this) { BaseAddress = new Uri(address) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {body}".TrimEnd());
        return answer(request);
    }
}
