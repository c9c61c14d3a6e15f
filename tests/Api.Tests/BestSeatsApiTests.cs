using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>POST /reserve-best on every storage provider: the choice, its group token, categories, races and refusals.</summary>
public abstract class BestSeatsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    public async Task InitializeAsync()
    {
        var limits = new
        {
            maxHoldsPerUser = 1000, windowSeconds = 60, signupsPerAddress = 1000000, signupsPerAccount = 1000000, loginsPerAddress = 1000000,
            loginsPerAccount = 1000000, holdsPerAddress = 1000000, holdsPerAccount = 1000000,
        };
        await (await Fixture.Admin().PatchAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}", new { limits })).ReadJsonAsync(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReserveBest_EmptyHall_FrontCentrePairUnderAGroupTokenThatConfirms()
    {
        var entityId = await SeedHallAsync(rows: 3, perRow: 6);
        var user = Fixture.As(Fixture.UserA1);

        var held = await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 2 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["A3", "A4"], NumbersOf(held));
        Assert.Equal(40m, held.GetProperty("seats")[0].GetProperty("price").GetDecimal());
        Assert.Equal("Front", held.GetProperty("seats")[0].GetProperty("category").GetString());
        var token = held.GetProperty("reservationToken").GetString()!;
        Assert.StartsWith("grp-", token, StringComparison.Ordinal);
        var booked = await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = token, paymentId = "pay-best" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.All(booked.GetProperty("bookings").EnumerateArray(), b => Assert.Equal(("Front", 40m), (b.GetProperty("category").GetString(), b.GetProperty("price").GetDecimal())));

        var next = await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 2 })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["B3", "B4"], NumbersOf(next));
    }

    [Fact]
    public async Task ReserveBest_SeatsJustTakenElsewhere_ChoosesAroundThemAndNeverHoldsThemTwice()
    {
        var entityId = await SeedHallAsync(rows: 2, perRow: 6);
        var seats = await SeatIdsAsync(entityId);
        foreach (var number in new[] { "A3", "A4" })
        {
            await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = seats[number] })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var held = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-best", new { entityId, count = 2 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.DoesNotContain("A3", NumbersOf(held));
        Assert.DoesNotContain("A4", NumbersOf(held));
        Assert.Equal(["B3", "B4"], NumbersOf(held)); // closer than A1 A2 or A5 A6
    }

    [Fact]
    public async Task ReserveBest_Category_OnlyItsSeats()
    {
        var entityId = await SeedHallAsync(rows: 3, perRow: 6);

        var held = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-best", new { entityId, count = 3, category = "Back" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["B1", "B2", "B3"], NumbersOf(held)); // B2 B3 B4 would leave B1 alone
        Assert.All(held.GetProperty("seats").EnumerateArray(), s => Assert.Equal(25m, s.GetProperty("price").GetDecimal()));
    }

    [Fact]
    public async Task ReserveBest_NotEnoughOrBadInput_409Or400AndNothingHeld()
    {
        var entityId = await SeedHallAsync(rows: 1, perRow: 4);
        var user = Fixture.As(Fixture.UserA1);

        await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 5 })).AssertProblemAsync(HttpStatusCode.Conflict, "not_enough_seats");
        await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 2, category = "Nope" })).AssertProblemAsync(HttpStatusCode.Conflict, "not_enough_seats");
        await (await user.PostAsJsonAsync("/reserve-best", new { entityId = "no-such-entity", count = 1 })).AssertProblemAsync(HttpStatusCode.Conflict, "not_enough_seats");
        await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 0 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 11 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await user.PostAsJsonAsync("/reserve-best", new { count = 1 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await user.PostAsJsonAsync("/reserve-best", new { entityId = "a/b", count = 1 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var all = await (await user.PostAsJsonAsync("/reserve-best", new { entityId, count = 4 })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["A1", "A2", "A3", "A4"], NumbersOf(all));
    }

    [Fact]
    public async Task ReserveBest_FocalPointSetAtSeeding_ClosestToIt()
    {
        var entityId = await SeedHallAsync(rows: 3, perRow: 6, focalPoint: new { row = "C", position = 6 });

        var held = await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-best", new { entityId, count = 2 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["C5", "C6"], NumbersOf(held));
    }

    private static string[] NumbersOf(JsonElement held) => [.. held.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatNumber").GetString()!)];

    private async Task<Dictionary<string, string>> SeatIdsAsync(string entityId)
    {
        var body = await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("seats").EnumerateArray().ToDictionary(s => s.GetProperty("seatNumber").GetString()!, s => s.GetProperty("seatId").GetString()!);
    }

    // Rows A, B, ... front to back: the front row is Front (40), the others Back (25).
    private async Task<string> SeedHallAsync(int rows, int perRow, object? focalPoint = null)
    {
        var entityId = $"hall-{Guid.NewGuid():N}";
        var seats = Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(1, perRow).Select(p => new
        {
            seatNumber = $"{(char)('A' + r)}{p}", row = $"{(char)('A' + r)}", position = p, category = r == 0 ? "Front" : "Back",
        })).ToArray();
        var categories = new[] { new { name = "Front", price = 40m }, new { name = "Back", price = 25m } };
        await (await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId, seats, categories, focalPoint }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return entityId;
    }
}

public sealed class SqliteBestSeatsApiTests(SqliteApiFixture fixture) : BestSeatsApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresBestSeatsApiTests(PostgresApiFixture fixture) : BestSeatsApiTests<PostgresApiFixture>(fixture);
