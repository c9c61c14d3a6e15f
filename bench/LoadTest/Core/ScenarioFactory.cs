using Reservations.LoadTest.Scenarios;

namespace Reservations.LoadTest.Core;

/// <summary>Seeds what a scenario needs and builds it.</summary>
internal static class ScenarioFactory
{
    public static async Task<IScenario> CreateAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        switch (context.Options.Scenario)
        {
            case ScenarioKind.HotSeat:
                var hotSeats = await context.Admin.SeedAsync(context.AppId, "hot-seat", HotSeatScenario.SeatsNeeded(context.Options), cancellationToken);
                return new HotSeatScenario(context, hotSeats);
            case ScenarioKind.Distinct:
                return await DistinctScenario.CreateAsync(context, cancellationToken);
            case ScenarioKind.Mixed:
                var seats = await context.Admin.SeedAsync(context.AppId, "mixed", context.Options.Seats, cancellationToken);
                return new MixedScenario(context, seats);
            case ScenarioKind.Group:
                var pool = await context.Admin.SeedAsync(context.AppId, "group", context.Options.Seats, cancellationToken);
                return new GroupScenario(context, pool);
            default:
                throw new ArgumentOutOfRangeException(nameof(context), context.Options.Scenario, "Unknown scenario.");
        }
    }
}
