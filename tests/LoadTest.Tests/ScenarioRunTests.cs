using Reservations.LoadTest.Core;
using Reservations.LoadTest.Metrics;
using Reservations.LoadTest.Tests.Infrastructure;

namespace Reservations.LoadTest.Tests;

public sealed class ScenarioRunTests(InProcessEngine engine) : IClassFixture<InProcessEngine>
{
    [Theory]
    [InlineData(ScenarioKind.HotSeat, false)]
    [InlineData(ScenarioKind.HotSeat, true)]
    [InlineData(ScenarioKind.Distinct, false)]
    [InlineData(ScenarioKind.Holds, false)]
    [InlineData(ScenarioKind.Mixed, false)]
    [InlineData(ScenarioKind.Group, false)]
    [InlineData(ScenarioKind.Best, false)]
    public async Task Scenario_AgainstInProcessEngine_CompletesWithHoldsAndNoViolation(ScenarioKind scenario, bool confirm)
    {
        using var gateways = new Gateways(engine.CreateClient());
        var options = new LoadTestOptions
        {
            Scenario = scenario,
            AdminUser = InProcessEngine.AdminUser,
            AdminPassword = InProcessEngine.AdminPassword,
            Users = 8,
            Connections = 8,
            Duration = TimeSpan.FromSeconds(2.5),
            HoldFor = TimeSpan.FromMilliseconds(20),
            Confirm = confirm,
            Seats = 50,
        };

        var report = await new LoadTestRunner(gateways, options, SilentObserver.Instance).RunAsync(CancellationToken.None);

        Assert.True(report.Invariants.Passed, string.Join("\n", report.Invariants.Violations.Select(v => $"{v.Invariant}: {v.Detail}")));
        Assert.True(report.Measured.CountOf(RequestKind.Reserve, 201) > 0, "no hold was granted");
        Assert.True(report.Invariants.HoldsChecked > 0);
        Assert.Equal(0, report.Measured.CountOf(RequestKind.Reserve, 0) + report.Measured.Outcomes.Where(o => o.Status >= 500).Sum(o => o.Count));
        if (scenario is ScenarioKind.Distinct or ScenarioKind.Group or ScenarioKind.Best || confirm)
        {
            Assert.True(report.Invariants.EngineBookings > 0, "no booking reached the engine");
        }
    }

    [Fact]
    public async Task HotSeat_WithWatchers_EachGetsASnapshotAndTheHoldsAndReleasesAsEvents()
    {
        using var gateways = new Gateways(engine.CreateClient());
        var options = new LoadTestOptions
        {
            Scenario = ScenarioKind.HotSeat,
            AdminUser = InProcessEngine.AdminUser,
            AdminPassword = InProcessEngine.AdminPassword,
            Users = 4,
            Connections = 4,
            Duration = TimeSpan.FromSeconds(2),
            HoldFor = TimeSpan.FromMilliseconds(20),
            Watchers = 3,
        };

        var report = await new LoadTestRunner(gateways, options, SilentObserver.Instance).RunAsync(CancellationToken.None);

        var watchers = Assert.IsType<WatcherReport>(report.Watchers);
        Assert.Equal(3, watchers.Watchers);
        Assert.True(watchers.Snapshots >= 3, $"{watchers.Snapshots} snapshots");
        Assert.True(watchers.SeatEventsMeasured > 0 && watchers.SeatEvents >= watchers.SeatEventsMeasured, $"{watchers} for {report.Measured.CountOf(RequestKind.Reserve, 201)} holds granted");
        Assert.Equal(0, watchers.Failures);
        Assert.True(report.Invariants.Passed);
    }

    // Two clients of one in-process engine stand for two gateways of one cluster.
    [Fact]
    public async Task Distinct_SpreadPerRequestOverTwoGateways_ConfirmsThroughBothWithoutViolation()
    {
        using var gateways = new Gateways([engine.CreateClient(new Uri("http://gateway-a/")), engine.CreateClient(new Uri("http://gateway-b/"))], GatewaySpread.PerRequest);
        var options = new LoadTestOptions
        {
            Scenario = ScenarioKind.Distinct,
            AdminUser = InProcessEngine.AdminUser,
            AdminPassword = InProcessEngine.AdminPassword,
            Users = 8,
            Connections = 8,
            Duration = TimeSpan.FromSeconds(2),
            HoldFor = TimeSpan.Zero,
        };

        var report = await new LoadTestRunner(gateways, options, SilentObserver.Instance).RunAsync(CancellationToken.None);

        Assert.True(report.Invariants.Passed, string.Join("\n", report.Invariants.Violations.Select(v => $"{v.Invariant}: {v.Detail}")));
        Assert.Equal(["http://gateway-a/", "http://gateway-b/"], report.Measured.Gateways.Select(g => g.Url));
        Assert.All(report.Measured.Gateways, g => Assert.Contains(g.Outcomes, o => o.Kind == RequestKind.Confirm && o.Status == 201));
        Assert.True(report.Invariants.EngineBookings > 0, "no booking reached the engine");
    }
}
