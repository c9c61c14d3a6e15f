using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Metrics;
using Reservations.LoadTest.Scenarios;

namespace Reservations.LoadTest.Core;

/// <summary>
/// One run against one engine, through one or more of its gateways: set up an app, seats and users; warm up (unmeasured); measure the scenario; measure
/// GET /health/live as the ceiling if asked; then check the invariants against the engine's bookings.
/// </summary>
public sealed class LoadTestRunner(Gateways gateways, LoadTestOptions options, IRunObserver observer)
{
    public async Task<LoadTestReport> RunAsync(CancellationToken abort)
    {
        await using var sink = options.Webhooks ? WebhookSink.Start() : null;
        var log = new ObservationLog();
        var context = await TenantSetup.CreateAsync(gateways, options with { WebhookUrl = sink?.Url }, observer, log, abort);
        observer.Stage($"Seeding seats for {options.Scenario}");
        var scenario = await ScenarioFactory.CreateAsync(context, abort);
        SeatMapWatchers? watchers = null;
        if (options.Watchers > 0)
        {
            observer.Stage($"Connecting {options.Watchers} seat-map clients");
            watchers = await SeatMapWatchers.StartAsync(gateways, context.Client, ScenarioFactory.WatchedEntity(options.Scenario), options.Watchers, abort);
        }

        PhaseResult measured;
        WatcherReport? watched = null;
        try
        {
            if (options.Warmup > TimeSpan.Zero)
            {
                await RunPhaseAsync("warm-up", scenario, options.Warmup, abort);
            }

            var eventsBefore = watchers?.SeatEvents ?? 0;
            measured = await RunPhaseAsync(options.Scenario.ToString(), scenario, options.Duration, abort);
            if (watchers is not null)
            {
                watched = await watchers.StopAsync(watchers.SeatEvents - eventsBefore);
            }
        }
        finally
        {
            if (watchers is not null)
            {
                await watchers.DisposeAsync();
            }
        }

        var ceiling = options.MeasureCeiling
            ? await RunPhaseAsync("GET /health/live (ceiling)", new HealthScenario(context.Client, options.Users, gateways.Count), options.Duration, abort)
            : null;

        observer.Stage("Reading the engine's bookings");
        var bookings = await context.Admin.ListBookingsAsync(context.AppId, abort);
        var invariants = InvariantChecker.Check(log.Holds, log.Confirms, bookings, options.HoldDuration);
        var notes = sink is null ? scenario.Notes : [.. scenario.Notes, $"webhook deliveries received by the sink: {sink.Received:N0} events in {sink.Requests:N0} requests"];
        return new LoadTestReport(options.Scenario, options, gateways.Spread, measured, ceiling, invariants, notes) { Watchers = watched };
    }

    private async Task<PhaseResult> RunPhaseAsync(string name, IScenario scenario, TimeSpan duration, CancellationToken abort)
    {
        var meter = new Meter(gateways.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(abort);
        stop.CancelAfter(duration);
        await observer.RunPhaseAsync(name, duration, meter, () => scenario.RunAsync(meter, stop.Token, abort));
        return PhaseResult.From(name, meter, meter.Elapsed, gateways);
    }
}
