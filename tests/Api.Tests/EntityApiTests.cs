using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>An app's entities (tenant and admin routes) and the admin's view of an entity's seats, on every store.</summary>
public abstract class EntityApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    /// <summary>The fixtures' Reservations:MaxEntitiesPerApp: small, so the bound is reached in a test.</summary>
    public const int MaxEntities = 3;

    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Entities_SeededTwiceAndOnce_ListedOnceInCreationOrderWithTheirSeatCounts()
    {
        var app = await Fixture.CreateAppAsync("Entities", []);
        var seededAt = Fixture.Time.GetUtcNow();
        await SeedAsync(app, "concert", "A1", "A2");
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await SeedAsync(app, "bus-7", "1");
        await SeedAsync(app, "concert", "A2", "A3");

        var mine = await (await Fixture.Tenant(app).GetAsync("/entities")).ReadJsonAsync(HttpStatusCode.OK);
        var entities = mine.GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal(["concert", "bus-7"], entities.Select(e => e.GetProperty("entityId").GetString()));
        Assert.Equal([3, 1], entities.Select(e => e.GetProperty("seatCount").GetInt32()));
        Assert.Equal([seededAt, seededAt.AddSeconds(1)], entities.Select(e => e.GetProperty("createdAt").GetDateTimeOffset()));

        var admin = await (await Fixture.Admin().GetAsync($"/admin/apps/{app.AppId}/entities")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(mine.GetRawText(), admin.GetRawText());
    }

    [Fact]
    public async Task Entities_OfAnotherApp_NeverListed()
    {
        var appA = await Fixture.CreateAppAsync("Isolated A", []);
        var appB = await Fixture.CreateAppAsync("Isolated B", []);
        await SeedAsync(appA, "a-only", "1");

        var ofB = await (await Fixture.Tenant(appB).GetAsync("/entities")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(ofB.GetProperty("entities").EnumerateArray());
        var ofBForAdmin = await (await Fixture.Admin().GetAsync($"/admin/apps/{appB.AppId}/entities")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(ofBForAdmin.GetProperty("entities").EnumerateArray());
        await (await Fixture.Anonymous().GetAsync("/entities")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_app_credentials");
    }

    [Fact]
    public async Task Entities_BeyondTheBound_409TooManyEntitiesAndNothingSeeded_KnownOnesStillSeeded()
    {
        var app = await Fixture.CreateAppAsync("Bounded", []);
        for (var n = 1; n <= MaxEntities; n++)
        {
            await SeedAsync(app, $"e{n}", "1");
        }

        await (await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new { appId = app.AppId, entityId = "one-too-many", seats = new[] { new { seatNumber = "1", price = 1m } } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "too_many_entities");
        await SeedAsync(app, "e1", "1", "2");

        var listed = await (await Fixture.Tenant(app).GetAsync("/entities")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["e1", "e2", "e3"], listed.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()));
        Assert.Equal(2, listed.GetProperty("entities")[0].GetProperty("seatCount").GetInt32());
        var refused = await (await Fixture.Tenant(app).GetAsync("/seats?entityId=one-too-many")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(refused.GetProperty("seats").EnumerateArray());
    }

    [Fact]
    public async Task AdminSeats_SameBodyAsTheTenantsSeats_WithHoldsAndBookings()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 3);
        var user = Fixture.As(Fixture.UserA1);
        await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        var hold = await (await user.PostAsJsonAsync("/reserve-seat", new { seatId = seats[1] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await user.PostAsJsonAsync("/confirm-booking", new { reservationToken = hold.GetProperty("reservationToken").GetString(), paymentId = "pay-1" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var tenant = await Eventually.ReturnsAsync(
            async () => await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK),
            body => body.GetProperty("seats")[0].GetProperty("status").GetString() == "held" && body.GetProperty("seats")[1].GetProperty("status").GetString() == "booked",
            "the page to hear of the hold and the booking");
        var admin = await (await Fixture.Admin().GetAsync($"/admin/apps/{Fixture.AppA.AppId}/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(tenant.GetRawText(), admin.GetRawText());
        Assert.Equal(["held", "booked", "available"], admin.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        var ofB = await (await Fixture.Admin().GetAsync($"/admin/apps/{Fixture.AppB.AppId}/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(ofB.GetProperty("seats").EnumerateArray());
    }

    [Fact]
    public async Task AdminEntitiesAndSeats_UnknownAppOrBadInput_404Or400()
    {
        var admin = Fixture.Admin();
        await (await admin.GetAsync("/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ/entities")).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.GetAsync("/admin/apps/nonsense/entities")).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.GetAsync("/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ/seats?entityId=e1")).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.GetAsync($"/admin/apps/{Fixture.AppA.AppId}/seats")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync($"/admin/apps/{Fixture.AppA.AppId}/seats?entityId=a%2Fb")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Fixture.As(Fixture.UserA1).GetAsync($"/admin/apps/{Fixture.AppA.AppId}/entities")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task SeedAsync(TestApp app, string entityId, params string[] seatNumbers)
    {
        var seats = seatNumbers.Select(n => new { seatNumber = n, price = 10m }).ToArray();
        using var response = await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new { appId = app.AppId, entityId, seats });
        await response.ReadJsonAsync(HttpStatusCode.Created);
    }
}

/// <summary>An engine whose apps may have only <see cref="EntityApiTests{TFixture}.MaxEntities"/> entities.</summary>
public sealed class SqliteFewEntitiesFixture() : ApiFixture(new SqliteEngineStorage())
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["Reservations:MaxEntitiesPerApp"] = $"{EntityApiTests<SqliteFewEntitiesFixture>.MaxEntities}" };
}

/// <summary>As <see cref="SqliteFewEntitiesFixture"/>, on PostgreSQL.</summary>
public sealed class PostgresFewEntitiesFixture() : ApiFixture(new PostgresEngineStorage())
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["Reservations:MaxEntitiesPerApp"] = $"{EntityApiTests<PostgresFewEntitiesFixture>.MaxEntities}" };
}

public sealed class SqliteEntityApiTests(SqliteFewEntitiesFixture fixture) : EntityApiTests<SqliteFewEntitiesFixture>(fixture);

public sealed class PostgresEntityApiTests(PostgresFewEntitiesFixture fixture) : EntityApiTests<PostgresFewEntitiesFixture>(fixture);
