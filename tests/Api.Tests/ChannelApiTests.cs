using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Sales channels: seats kept for a channel are held only with its key, by every hold route, and are public again at once when released.</summary>
public abstract class ChannelApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime where TFixture : ApiFixture
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
    public async Task KeptSeats_OnlyTheChannelsKeyHoldsThem_UntilReleasedToThePublic()
    {
        var (entityId, seats) = await Fixture.SeedAsync(Fixture.AppA, 4);
        var key = await CreateChannelAsync("box-office");
        var kept = await (await Fixture.Admin().PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/box-office/seats", new { seatIds = seats[..2] }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("box-office", kept.GetProperty("channel").GetString());
        await Reservations.TestSupport.Eventually.ReturnsAsync( // the listing hears of it one way
            async () => (await (await Fixture.Tenant(Fixture.AppA).GetAsync($"/seats?entityId={entityId}")).ReadJsonAsync(HttpStatusCode.OK))
                .GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("channel").GetString()).ToArray(),
            channels => channels.SequenceEqual(["box-office", "box-office", null, null]),
            "the listing to show the kept seats");

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_in_channel");
        using var group = await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[1], seats[2] } });
        await group.AssertProblemAsync(HttpStatusCode.Conflict, "seats_unavailable");
        await (await WithKey(Fixture.UserA1, "chk_wrong").PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).AssertProblemAsync(HttpStatusCode.Forbidden, "invalid_channel_key");
        await (await WithKey(Fixture.UserA1, key).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await WithKey(Fixture.UserA1, key).PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[1], seats[2] } })).ReadJsonAsync(HttpStatusCode.Created);

        var (_, more) = await Fixture.SeedAsync(Fixture.AppA, 1);
        await (await Fixture.Admin().PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/box-office/seats", new { seatIds = more })).ReadJsonAsync(HttpStatusCode.OK);
        var released = await (await Fixture.Admin().PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/box-office/release", new { seatIds = more }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, released.GetProperty("channel").ValueKind);
        await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-seat", new { seatId = more[0] })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ReserveBest_ChannelSeatsForItsKeyOnly_PublicSeatsForTheRest()
    {
        var entityId = $"hall-{Guid.NewGuid():N}";
        var seeded = await (await Fixture.Admin().PostAsJsonAsync("/admin/seed-data", new
        {
            appId = Fixture.AppA.AppId, entityId,
            seats = Enumerable.Range(1, 6).Select(p => new { seatNumber = $"A{p}", row = "A", position = p, price = 10m }).ToArray(),
        })).ReadJsonAsync(HttpStatusCode.Created);
        var ids = seeded.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()!).ToArray();
        var key = await CreateChannelAsync("partner");
        await (await Fixture.Admin().PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/partner/seats", new { seatIds = ids[2..4] })).ReadJsonAsync(HttpStatusCode.OK);

        var forPartner = await (await WithKey(Fixture.UserA1, key).PostAsJsonAsync("/reserve-best", new { entityId, count = 2 })).ReadJsonAsync(HttpStatusCode.Created);
        var forPublic = await (await Fixture.As(Fixture.UserA2).PostAsJsonAsync("/reserve-best", new { entityId, count = 2 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(["A3", "A4"], forPartner.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatNumber").GetString()));
        Assert.Equal(["A1", "A2"], forPublic.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatNumber").GetString()));
        await (await WithKey(Fixture.UserA1, key).PostAsJsonAsync("/reserve-best", new { entityId, count = 1 })).AssertProblemAsync(HttpStatusCode.Conflict, "not_enough_seats");
    }

    [Fact]
    public async Task Channels_TenantServerManagesThem_PublishableKeyMayNot()
    {
        var name = $"partner-{Guid.NewGuid():N}"[..20];
        var created = await (await Fixture.Tenant(Fixture.AppA).PostAsJsonAsync("/channels", new { name })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("chk_", created.GetProperty("key").GetString(), StringComparison.Ordinal);
        await (await Fixture.Tenant(Fixture.AppA).PostAsJsonAsync("/channels", new { name })).AssertProblemAsync(HttpStatusCode.Conflict, "channel_exists");
        var listed = await (await Fixture.Tenant(Fixture.AppA).GetAsync("/channels")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(name, listed.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var ofB = await (await Fixture.Admin().GetAsync($"/admin/apps/{Fixture.AppB.AppId}/channels")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(name, ofB.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var publishable = (await (await Fixture.Admin().PostAsync($"/admin/apps/{Fixture.AppA.AppId}/rotate-publishable-key", null)).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("publishableKey").GetString()!;
        var browser = Fixture.Tenant(new TestApp(Fixture.AppA.AppId, publishable));
        await (await browser.PostAsJsonAsync("/channels", new { name = "other" })).AssertProblemAsync(HttpStatusCode.Forbidden, "secret_key_required");
    }

    [Fact]
    public async Task Channels_BadInput_4xxAndNothingChanges()
    {
        var (_, seats) = await Fixture.SeedAsync(Fixture.AppA, 1);
        await CreateChannelAsync("desk");
        var admin = Fixture.Admin();

        await (await admin.PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels", new { name = "bad name!" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostAsJsonAsync("/admin/apps/APP-ZZZZ-ZZZZ-ZZZZ/channels", new { name = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "app_not_found");
        await (await admin.PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/nope/seats", new { seatIds = seats })).AssertProblemAsync(HttpStatusCode.NotFound, "channel_not_found");
        await (await admin.PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/desk/seats", new { seatIds = new[] { seats[0], "ev-x:99" } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "seat_not_found");
        await (await admin.PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels/desk/seats", new { seatIds = Array.Empty<string>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        await (await Fixture.As(Fixture.UserA1).PostAsJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
    }

    private async Task<string> CreateChannelAsync(string name)
    {
        using var response = await Fixture.Admin().PostAsJsonAsync($"/admin/apps/{Fixture.AppA.AppId}/channels", new { name });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"channel {name} exists: use a new name per test");
        }

        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("key").GetString()!;
    }

    private HttpClient WithKey(TestUser user, string channelKey)
    {
        var client = Fixture.As(user);
        client.DefaultRequestHeaders.Add("x-channel-key", channelKey);
        return client;
    }
}

public sealed class SqliteChannelApiTests(SqliteApiFixture fixture) : ChannelApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresChannelApiTests(PostgresApiFixture fixture) : ChannelApiTests<PostgresApiFixture>(fixture);
