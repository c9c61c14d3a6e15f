using Reservations.LoadTest.Scenarios;

namespace Reservations.LoadTest.Core;

/// <summary>Seeds what a scenario needs and builds it.</summary>
internal static class ScenarioFactory
{
    /// <summary>The entity seat-map watchers follow: the one the scenario's users hold seats of (distinct: its first batch).</summary>
    public static string WatchedEntity(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.HotSeat => "hot-seat",
        ScenarioKind.Mixed => "mixed",
        _ => "distinct-1",
    };

    public static async Task<IScenario> CreateAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        switch (context.Options.Scenario)
        {
            case ScenarioKind.HotSeat:
                var hotSeats = await context.Admin.SeedAsync(context.AppId, WatchedEntity(ScenarioKind.HotSeat), HotSeatScenario.SeatsNeeded(context.Options), cancellationToken);
                return new HotSeatScenario(context, hotSeats);
            case ScenarioKind.Distinct:
                return await DistinctScenario.CreateAsync(context, cancellationToken);
            case ScenarioKind.Mixed:
                var seats = await context.Admin.SeedAsync(context.AppId, WatchedEntity(ScenarioKind.Mixed), context.Options.Seats, cancellationToken);
                return new MixedScenario(context, seats);
            default:
                throw new ArgumentOutOfRangeException(nameof(context), context.Options.Scenario, "Unknown scenario.");
        }
    }
}
