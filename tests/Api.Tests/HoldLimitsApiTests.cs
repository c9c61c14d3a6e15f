using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>An app's own hold limits (PATCH /admin/apps/{appId} holdLimits) replace the engine's for its seats and groups.</summary>
public abstract class HoldLimitsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private static readonly object OneMinuteOnce = new { maxExtensions = 1, extensionSeconds = 60, maxTotalSeconds = 600, paymentGraceSeconds = 90 };

    [Fact]
    public async Task OwnLimits_OneExtensionOfAMinute_AndAShortPaymentGrace()
    {
        var (app, user) = await NewAppAsync();
        var updated = await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { holdLimits = OneMinuteOnce })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(60, updated.GetProperty("holdLimits").GetProperty("extensionSeconds").GetInt32());
        var (_, seats) = await fixture.SeedAsync(app, 3);
        var client = fixture.As(user);

        var token = await HoldAsync(client, seats[0]);
        var heldAt = fixture.Time.GetUtcNow();
        var extended = await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(heldAt.AddMinutes(3), extended.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(0, extended.GetProperty("extensionsLeft").GetInt32());
        await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).AssertProblemAsync(HttpStatusCode.Conflict, "extension_limit");

        var group = await (await client.PostAsJsonAsync("/reserve-seats", new { seatIds = new[] { seats[1], seats[2] } })).ReadJsonAsync(HttpStatusCode.Created);
        var groupToken = group.GetProperty("reservationToken").GetString();
        fixture.Time.Advance(TimeSpan.FromSeconds(100));
        var paying = await (await client.PostAsJsonAsync("/payment-started", new { reservationToken = groupToken })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(heldAt.AddSeconds(190), paying.GetProperty("expiresAt").GetDateTimeOffset()); // 90 s of grace, not the engine's 10 min
        await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = groupToken })).AssertProblemAsync(HttpStatusCode.Conflict, "payment_in_progress");
    }

    [Fact]
    public async Task NoOwnLimits_TheEnginesApply_AndTheAppShowsNone()
    {
        var (app, user) = await NewAppAsync();
        var shown = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("holdLimits").ValueKind);
        var (_, seats) = await fixture.SeedAsync(app, 1);
        var client = fixture.As(user);
        var token = await HoldAsync(client, seats[0]);
        var extended = await (await client.PostAsJsonAsync("/extend-hold", new { reservationToken = token })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, extended.GetProperty("extensionsLeft").GetInt32());
    }

    [Theory]
    [InlineData(-1, 60, 600, 90)]
    [InlineData(21, 60, 600, 90)]
    [InlineData(1, 5, 600, 90)]
    [InlineData(1, 60, 60, 90)]
    [InlineData(1, 60, 3601, 90)]
    [InlineData(1, 60, 600, 0)]
    public async Task OutOfBounds_400_NothingChanged(int maxExtensions, int extensionSeconds, int maxTotalSeconds, int paymentGraceSeconds)
    {
        var (app, _) = await NewAppAsync();
        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { holdLimits = new { maxExtensions, extensionSeconds, maxTotalSeconds, paymentGraceSeconds } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await fixture.Admin().PatchAsJsonAsync($"/admin/apps/{app.AppId}", new { holdLimits = new { maxExtensions = 1 } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var shown = await (await fixture.Admin().GetAsync($"/admin/apps/{app.AppId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("holdLimits").ValueKind);
    }

    private async Task<(TestApp App, TestUser User)> NewAppAsync()
    {
        var app = await fixture.CreateAppAsync($"Limits {Guid.NewGuid():N}", []);
        return (app, await fixture.SignUpAsync(app, $"limits-{Guid.NewGuid():N}@example.com"));
    }

    private static async Task<string> HoldAsync(HttpClient client, string seatId) =>
        (await (await client.PostAsJsonAsync("/reserve-seat", new { seatId })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("reservationToken").GetString()!;
}

public sealed class SqliteHoldLimitsApiTests(SqliteApiFixture fixture) : HoldLimitsApiTests<SqliteApiFixture>(fixture);

public sealed class PostgresHoldLimitsApiTests(PostgresApiFixture fixture) : HoldLimitsApiTests<PostgresApiFixture>(fixture);
