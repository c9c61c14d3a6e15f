using System.Globalization;
using System.Net;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>With Metrics:Enabled, GET /metrics is a Prometheus scrape: our counters per app, Orleans' and ASP.NET Core's metrics.</summary>
public sealed class MetricsApiTests(MetricsApiTests.Fixture fixture) : IClassFixture<MetricsApiTests.Fixture>
{
    public sealed class Fixture() : ApiFixture(new SqliteEngineStorage())
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" };
    }

    [Fact]
    public async Task Metrics_AfterHolds_CountsThemPerAppBesideOrleansMetrics()
    {
        var (_, seats) = await fixture.SeedAsync(fixture.AppA);
        await (await fixture.As(fixture.UserA1).PostJsonAsync("/reserve-seat", new { seatId = seats[0] })).ReadJsonAsync(HttpStatusCode.Created);
        await (await fixture.As(fixture.UserA2).PostJsonAsync("/reserve-seat", new { seatId = seats[0] })).AssertProblemAsync(HttpStatusCode.Conflict, "seat_unavailable");

        using var response = await fixture.Anonymous().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var scrape = await response.Content.ReadAsStringAsync();
        Assert.Equal(1, Sample(scrape, "reservations_holds_granted_total", fixture.AppA.AppId));
        Assert.Equal(1, Sample(scrape, "reservations_holds_refused_total", fixture.AppA.AppId));
        Assert.Null(Sample(scrape, "reservations_holds_granted_total", fixture.AppB.AppId));
        Assert.Contains("\norleans_catalog_activations{", scrape, StringComparison.Ordinal);
        Assert.Contains("\nhttp_server_request_duration_seconds_count{", scrape, StringComparison.Ordinal);
    }

    /// <summary>The value of <paramref name="metric"/> for <paramref name="appId"/>, or null when the scrape has none.</summary>
    private static double? Sample(string scrape, string metric, string appId)
    {
        var line = scrape.Split('\n').SingleOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"app=\"{appId}\"", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(line.IndexOf('}', StringComparison.Ordinal) + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
