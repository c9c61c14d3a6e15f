using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.Api.Tests.Fuzzing;
using Reservations.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Reservations.Api.Tests;

/// <summary>
/// Property-based fuzzing (issue 11 item 5): at least 10,000 generated requests a run, shared among
/// every route of the served OpenAPI document, each answered below 500, every refusal problem+json
/// with an error code, and storage unchanged. The seed is printed; RESERVATIONS_FUZZ_SEED replays it.
/// </summary>
public sealed class EndpointFuzzTests(SqliteApiFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteApiFixture>
{
    private const int Requests = 10_000;
    private const int Concurrency = 16;
    private const int FailuresShown = 12;

    [Fact]
    public async Task EveryEndpoint_GeneratedBadRequests_AreRefusedAsProblemsAndChangeNothing()
    {
        var seed = FuzzSeed.Choose();
        output.WriteLine($"Fuzzing with {FuzzSeed.Replay(seed)}");
        var world = await SetUpWorldAsync();
        var routes = FuzzRoute.ReadAll(await ReadOpenApiAsync());
        Assert.True(routes.Count >= 20, $"The OpenAPI document lists only {routes.Count} operations.");

        var perRoute = (Requests + routes.Count - 1) / routes.Count;
        var generator = new FuzzRequests(world);
        var requests = routes.SelectMany((route, i) => generator.For(route).Sample(perRoute, new FsCheck.Rnd(seed + (ulong)i), 20)).ToArray();
        Assert.True(requests.Length >= Requests, $"Only {requests.Length} requests were generated.");
        Assert.All(routes, route => Assert.Equal(perRoute, requests.Count(r => r.Route == route)));

        var before = await StorageSnapshot.TakeAsync(fixture, world);
        Assert.Contains(world.BookedSeatA, before, StringComparison.Ordinal);
        Assert.Equal(3, before.Split('\n').Count(line => line.StartsWith("login ", StringComparison.Ordinal) && line.EndsWith("-> 200", StringComparison.Ordinal)));
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<(string Kind, string Detail)>();
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, _) =>
        {
            if (await SendAndCheckAsync(client, request) is { } failure)
            {
                failures.Enqueue(failure);
            }
        });
        var after = await StorageSnapshot.TakeAsync(fixture, world);

        output.WriteLine($"{requests.Length} requests to {routes.Count} routes in {clock.Elapsed.TotalSeconds:F1} s; by flaw: "
            + string.Join(", ", requests.GroupBy(r => r.Flaw).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Length} generated requests were answered wrongly ({FuzzSeed.Replay(seed)}):\n"
            + string.Join("\n", failures.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count(),6} {g.Key}"))
            + $"\n\nOne of each kind:\n\n{string.Join("\n", failures.DistinctBy(f => f.Kind).Take(FailuresShown).Select(f => f.Detail))}");
        Assert.True(before == after, $"Storage changed during the run ({FuzzSeed.Replay(seed)}).\nBefore:\n{before}\nAfter:\n{after}");
    }

    /// <summary>Null when the answer is right; otherwise what was wrong and the request that caused it.</summary>
    private static async Task<(string Kind, string Detail)?> SendAndCheckAsync(HttpClient client, FuzzRequest request)
    {
        using var message = request.ToMessage();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception exception)
        {
            return ($"no answer ({exception.GetType().Name}) to {request.Route} [{request.Flaw}]", $"no answer: {exception.GetType().Name}: {exception.Message}\n{request.Describe()}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return request.MustBeRefused ? ($"accepted {status} on {request.Route} [{request.Flaw}]", $"accepted with {status}, though the request is invalid\n{request.Describe()}") : null;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            string? wrong = status >= 500 ? "a server error"
                : mediaType != "application/problem+json" ? "not problem+json"
                : !HasErrorCode(text) ? "a problem without an error code"
                : null;
            return wrong is null ? null : ($"{wrong} {status} on {request.Route} [{request.Flaw}]", $"{wrong}: {status} {mediaType} {text[..Math.Min(text.Length, 400)]}\n{request.Describe()}");
        }
    }

    private static bool HasErrorCode(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<JsonElement> ReadOpenApiAsync() =>
        await (await fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>Seats in every state for the generators to aim at: A1 holds one seat of app A and booked another, B1 holds one of app B.</summary>
    private async Task<FuzzWorld> SetUpWorldAsync()
    {
        var (entityA, seatsA) = await fixture.SeedAsync(fixture.AppA, 3);
        var (entityB, seatsB) = await fixture.SeedAsync(fixture.AppB, 1);
        var holdA1 = await HoldAsync(fixture.UserA1, seatsA[1]);
        var bookedA1 = await HoldAsync(fixture.UserA1, seatsA[2]);
        await (await fixture.As(fixture.UserA1).PostJsonAsync("/confirm-booking", new { reservationToken = bookedA1, paymentId = "pay-fuzz-world" })).ReadJsonAsync(HttpStatusCode.Created);
        var holdB1 = await HoldAsync(fixture.UserB1, seatsB[0]);
        return new FuzzWorld(
            ApiFixture.SigningKey, fixture.Time.GetUtcNow(), fixture.AdminToken, fixture.AppA.AppId, fixture.AppA.ApiKey, fixture.AppB.AppId, fixture.AppB.ApiKey,
            fixture.UserA2.UserId, fixture.UserA2.Token, fixture.UserB1.Token, entityA, entityB, seatsA[0], seatsA[1], seatsA[2], seatsB[0], holdA1, holdB1);
    }

    private async Task<string> HoldAsync(TestUser user, string seatId) =>
        (await (await fixture.As(user).PostJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString()!;
}
