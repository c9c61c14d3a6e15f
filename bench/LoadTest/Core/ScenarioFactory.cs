using Reservations.LoadTest.Scenarios;

namespace Reservations.LoadTest.Core;

/// <summary>Seeds what a scenario needs and builds it.</summary>
internal static class ScenarioFactory
{
    private const string HotSeatEntities = "hot-seat";
    private const string MixedEntities = "mixed";

    /// <summary>
    /// The entity seat-map watchers follow: the first the scenario seeds (AdminClient names them prefix-0, -1, ...),
    /// which holds the hot seat, the first of mixed's seats, or distinct's (or holds') first batch.
    /// </summary>
    public static string WatchedEntity(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.HotSeat => $"{HotSeatEntities}-0",
        ScenarioKind.Mixed => $"{MixedEntities}-0",
        ScenarioKind.Best => BestScenario.EntityId,
        _ => $"{SeatSupply.EntityPrefix(1)}-0",
    };

    public static async Task<IScenario> CreateAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        switch (context.Options.Scenario)
        {
            case ScenarioKind.HotSeat:
                var hotSeats = await context.Admin.SeedAsync(context.AppId, HotSeatEntities, HotSeatScenario.SeatsNeeded(context.Options), cancellationToken);
                return new HotSeatScenario(context, hotSeats);
            case ScenarioKind.Distinct:
                return await FreshSeatsScenario.CreateAsync(context, FreshSeatsScenario.Distinct, cancellationToken);
            case ScenarioKind.Mixed:
                var seats = await context.Admin.SeedAsync(context.AppId, MixedEntities, context.Options.Seats, cancellationToken);
                return new MixedScenario(context, seats);
            case ScenarioKind.Holds:
                return await FreshSeatsScenario.CreateAsync(context, FreshSeatsScenario.Holds, cancellationToken);
            case ScenarioKind.Group:
                var pool = await context.Admin.SeedAsync(context.AppId, "group", context.Options.Seats, cancellationToken);
                return new GroupScenario(context, pool);
            case ScenarioKind.Best:
                return await BestScenario.CreateAsync(context, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(context), context.Options.Scenario, "Unknown scenario.");
        }
    }
}
