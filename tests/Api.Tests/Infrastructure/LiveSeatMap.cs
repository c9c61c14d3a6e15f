using System.Net;
using System.Text;
using System.Text.Json;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>One server-sent event as read; a comment has Name ":" and its text as Data.</summary>
public sealed record ServerSentEvent(string Name, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}

/// <summary>
/// A seat-map client over plain HTTP, as the frontend reads GET /seats/live with fetch: it reads events
/// as they come and keeps the map they describe (the snapshot, then each seat event).
/// </summary>
public sealed class LiveSeatMap : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private LiveSeatMap(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Each seat's status and heldUntil as the events so far say.</summary>
    public Dictionary<string, (string Status, DateTimeOffset? HeldUntil)> Seats { get; } = [];

    public JsonElement Snapshot { get; private set; }

    /// <summary>Connects and reads the snapshot.</summary>
    public static async Task<LiveSeatMap> ConnectAsync(HttpClient http, string entityId, bool readSnapshot = true)
    {
        var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/seats/live?entityId={entityId}"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var client = new LiveSeatMap(response, await response.Content.ReadAsStreamAsync());
        if (readSnapshot)
        {
            var first = await client.NextAsync();
            Assert.Equal("snapshot", first.Name);
            client.Snapshot = first.Json;
            foreach (var seat in client.Snapshot.GetProperty("seats").EnumerateArray())
            {
                client.Seats[seat.GetProperty("seatId").GetString()!] = (seat.GetProperty("status").GetString()!, HeldUntil(seat));
            }
        }

        return client;
    }

    public static DateTimeOffset? HeldUntil(JsonElement json) =>
        json.GetProperty("heldUntil").ValueKind == JsonValueKind.Null ? null : json.GetProperty("heldUntil").GetDateTimeOffset();

    /// <summary>The next event or comment; null when the server ended the stream.</summary>
    public async Task<ServerSentEvent?> NextOrEndAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Length > 0)
                {
                    return new ServerSentEvent(name ?? "message", data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                name = ":";
                data.Append(line[1..].Trim());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }

        return null;
    }

    public async Task<ServerSentEvent> NextAsync() => await NextOrEndAsync() ?? throw new InvalidOperationException("The server ended the stream.");

    /// <summary>The next seat event, skipping keep-alive comments; applied to <see cref="Seats"/>.</summary>
    public async Task<JsonElement> NextSeatAsync()
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.Name == ":")
            {
                continue;
            }

            Assert.Equal("seat", next.Name);
            var json = next.Json;
            Seats[json.GetProperty("seatId").GetString()!] = (json.GetProperty("status").GetString()!, HeldUntil(json));
            return json;
        }
    }

    /// <summary>Reads seat events until the seat shows <paramref name="status"/>.</summary>
    public async Task<JsonElement> UntilAsync(string seatId, string status)
    {
        while (true)
        {
            var json = await NextSeatAsync();
            if (json.GetProperty("seatId").GetString() == seatId && json.GetProperty("status").GetString() == status)
            {
                return json;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
