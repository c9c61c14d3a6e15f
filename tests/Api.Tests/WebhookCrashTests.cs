using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>
/// No webhook is lost across a crash: the engine process is killed (kill -9) while bookings are being
/// confirmed; after a restart on the same storage, every booking that was answered 201 reaches the
/// receiver, and an event delivered twice carries the same id both times.
/// </summary>
public sealed class WebhookCrashTests : IDisposable
{
    private const int Seats = 400;
    private const int Callers = 8;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("webhook-crash-");

    [Fact]
    public Task KillNine_Sqlite_LosesNoEvent() =>
        KillNineLosesNoEventAsync(new Dictionary<string, string> { ["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "reservations.db") });

    [Fact]
    public async Task KillNine_Postgres_LosesNoEvent()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await KillNineLosesNoEventAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Storage__Sqlite__Path"] = Path.Combine(_data.FullName, "unused.db"),
        });
    }

    public void Dispose() => _data.Delete(recursive: true);

    private static async Task KillNineLosesNoEventAsync(IReadOnlyDictionary<string, string> storage)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var engine = new EngineProcess(storage);
        await engine.StartAsync();
        var admin = engine.Client();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await engine.AdminTokenAsync());
        var app = await ReadAsync(await admin.PostAsJsonAsync("/admin/apps", new { name = "Crash", domain = "EVENT", allowedDomains = Array.Empty<string>() }));
        var appId = app.GetProperty("appId").GetString()!;
        var apiKey = app.GetProperty("apiKey").GetString()!;
        await ReadAsync(await admin.PostAsJsonAsync($"/admin/apps/{appId}/webhooks", new { url = receiver.Url, events = new[] { "booking.confirmed" } }));
        var seeded = await ReadAsync(await admin.PostAsJsonAsync("/admin/seed-data", new
        {
            appId,
            entityId = "crash",
            seats = Enumerable.Range(1, Seats).Select(i => new { seatNumber = $"S{i}", price = 10 }),
        }));
        var seatIds = new ConcurrentQueue<string>(seeded.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()!));
        var tenant = engine.Client();
        tenant.DefaultRequestHeaders.Add("x-app-id", appId);
        tenant.DefaultRequestHeaders.Add("x-api-key", apiKey);
        var user = await ReadAsync(await tenant.PostAsJsonAsync("/auth/signup", new { email = "crash@example.com", password = ApiFixture.UserPassword, name = "Crash" }));
        tenant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.GetProperty("token").GetString());

        // Callers book seat after seat; the engine dies under them once a quarter of the seats are booked.
        var answered = new ConcurrentBag<string>();
        using var killed = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (!killed.IsCancellationRequested && seatIds.TryDequeue(out var seatId))
            {
                try
                {
                    using var hold = await tenant.PostAsJsonAsync("/reserve-seat", new { seatId });
                    var token = (await hold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reservationToken").GetString();
                    using var confirm = await tenant.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = $"pay-{seatId}" });
                    if (confirm.StatusCode == HttpStatusCode.Created)
                    {
                        answered.Add((await confirm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingId").GetString()!);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    return; // the engine is gone
                }
            }
        })).ToArray();
        await Eventually.ReturnsAsync(() => Task.FromResult(answered.Count), n => n >= Seats / 4, "a quarter of the seats booked", TimeSpan.FromSeconds(60));
        await engine.KillAsync();
        await killed.CancelAsync();
        await Task.WhenAll(callers);
        var before = answered.ToHashSet();

        // After the restart, one more booking wakes the endpoint's dispatcher at once (its reminder would within a minute).
        await engine.StartAsync();
        var seatId = seatIds.TryDequeue(out var next) ? next : throw new InvalidOperationException("no seat left");
        var held = await ReadAsync(await tenant.PostAsJsonAsync("/reserve-seat", new { seatId }));
        var last = await ReadAsync(await tenant.PostAsJsonAsync("/confirm-booking", new { reservationToken = held.GetProperty("reservationToken").GetString(), paymentId = "after" }));
        before.Add(last.GetProperty("bookingId").GetString()!);

        var received = await Eventually.ReturnsAsync(
            () => Task.FromResult(receiver.Received.ToArray()),
            r => before.IsSubsetOf(r.Select(BookingIdOf)),
            $"all {before.Count} answered bookings delivered",
            TimeSpan.FromSeconds(60));
        foreach (var booking in received.GroupBy(BookingIdOf))
        {
            Assert.Single(booking.Select(r => r.Id).Distinct()); // a repeat carries the same event id
        }
    }

    private static string BookingIdOf(ReceivedWebhook webhook) => webhook.Json.GetProperty("data").GetProperty("bookingId").GetString()!;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}
