using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Seats with a place in the hall and a category: seeding, listing, filtering, and the booking's category and price.</summary>
public abstract class SeatPlacesApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Seed_PlacesAndCategories_ListedAndFilteredByCategory()
    {
        var entityId = $"hall-{Guid.NewGuid():N}";
        var categories = new[] { new { name = "Stalls", price = 40m }, new { name = "Balcony", price = 25m } };
        var seats = new object[]
        {
            new { seatNumber = "A1", section = "Stalls", row = "A", position = 1, category = "Stalls", accessible = true },
            new { seatNumber = "A2", section = "Stalls", row = "A", position = 2, category = "Stalls", price = 40m },
            new { seatNumber = "K1", section = "Balcony", row = "K", position = 1, category = "Balcony" },
            new { seatNumber = "X", price = 5m },
        };
        var seeded = await (await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new { appId = Fixture.AppA.AppId, entityId, seats, categories }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["Stalls", "Stalls", "Balcony", null], seeded.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("category").GetString()));

        var listed = (await ListAsync(entityId, null)).ToArray();
        Assert.Equal([40m, 40m, 25m, 5m], listed.Select(s => s.GetProperty("price").GetDecimal()));
        Assert.Equal(("Stalls", "A", 1, true), PlaceOf(listed[0]));
        Assert.Equal(("Balcony", "K", 1, false), PlaceOf(listed[2]));
        Assert.Equal(JsonValueKind.Null, listed[3].GetProperty("row").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed[3].GetProperty("accessible").ValueKind);

        Assert.Equal(["A1", "A2"], (await ListAsync(entityId, "Stalls")).Select(s => s.GetProperty("seatNumber").GetString()));
        Assert.Equal(["K1"], (await ListAsync(entityId, "Balcony")).Select(s => s.GetProperty("seatNumber").GetString()));
        Assert.Empty(await ListAsync(entityId, "Boxes"));
    }

    [Fact]
    public async Task Confirm_SeatOfACategory_BookingRecordsCategoryAndPrice()
    {
        var entityId = $"hall-{Guid.NewGuid():N}";
        var seeded = await (await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new
        {
            appId = Fixture.AppA.AppId, entityId,
            seats = new[] { new { seatNumber = "B7", row = "B", position = 7, category = "Premium" } },
            categories = new[] { new { name = "Premium", price = 99.5m } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var seatId = seeded.GetProperty("seats")[0].GetProperty("seatId").GetString();
        var user = Fixture.As(Fixture.UserA2);
        var hold = await (await user.PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created);

        var booking = await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = hold.GetProperty("reservationToken").GetString(), paymentId = "pay-cat" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(("Premium", 99.5m), (booking.GetProperty("category").GetString(), booking.GetProperty("price").GetDecimal()));
        var mine = await (await user.GetAsync("/my-bookings")).ReadJsonAsync(HttpStatusCode.OK);
        var recorded = mine.EnumerateArray().Single(b => b.GetProperty("seatId").GetString() == seatId);
        Assert.Equal(("Premium", 99.5m), (recorded.GetProperty("category").GetString(), recorded.GetProperty("price").GetDecimal()));
    }

    [Theory]
    [InlineData("""[{"seatNumber":"A1","category":"Nope"}]""", null)]
    [InlineData("""[{"seatNumber":"A1","price":3,"category":"Stalls"}]""", """[{"name":"Stalls","price":4}]""")]
    [InlineData("""[{"seatNumber":"A1","price":3,"row":"A"}]""", null)]
    [InlineData("""[{"seatNumber":"A1","price":3,"position":0,"row":"A"}]""", null)]
    [InlineData("""[{"seatNumber":"A1","price":3,"section":"S"}]""", null)]
    [InlineData("""[{"seatNumber":"A1","price":3,"row":"A","position":1},{"seatNumber":"A2","price":3,"row":"A","position":1}]""", null)]
    [InlineData("""[{"seatNumber":"A1","price":3}]""", """[{"name":"S","price":1},{"name":"S","price":1}]""")]
    [InlineData("""[{"seatNumber":"A1","price":3}]""", """[{"name":"S","price":-1}]""")]
    public async Task Seed_BadPlaceOrCategory_400AndNothingSeeded(string seats, string? categories)
    {
        var entityId = $"hall-{Guid.NewGuid():N}";
        var body = $$"""{"appId":"{{Fixture.AppA.AppId}}","entityId":"{{entityId}}","seats":{{seats}},"categories":{{categories ?? "null"}}}""";
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        await (await Fixture.Admin().PostAsync("/admin/seed-data", content)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Empty(await ListAsync(entityId, null));
    }

    private async Task<IEnumerable<JsonElement>> ListAsync(string entityId, string? category)
    {
        var query = category is null ? $"/seats?entityId={entityId}" : $"/seats?entityId={entityId}&category={category}";
        var body = await (await Fixture.Tenant(Fixture.AppA).GetAsync(query)).ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("seats").EnumerateArray().ToArray();
    }

    private static (string?, string?, int, bool) PlaceOf(JsonElement seat) => (
        seat.GetProperty("section").GetString(), seat.GetProperty("row").GetString(), seat.GetProperty("position").GetInt32(), seat.GetProperty("accessible").GetBoolean());
}

public sealed class SqliteSeatPlacesApiTests(SqliteApiFixture fixture) : SeatPlacesApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresSeatPlacesApiTests(PostgresApiFixture fixture) : SeatPlacesApiTests<PostgresApiFixture>(fixture);
