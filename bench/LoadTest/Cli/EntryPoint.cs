using System.CommandLine;
using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Cli;

internal static class EntryPoint
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("Load tester for the Reservations engine: sets up its own app, seats and users, measures, then checks I1–I4. "
            + "Exit code 0: no invariant violated; 1: an invariant violated; 2: the run could not be set up or finished.")
        {
            ScenarioCommand.Create("hot-seat", ScenarioKind.HotSeat, "Every user fights for one seat; the winner holds it, then releases (or --confirm) it."),
            ScenarioCommand.Create("distinct", ScenarioKind.Distinct, "Every user holds and confirms fresh seats of its own, over and over."),
            ScenarioCommand.Create("holds", ScenarioKind.Holds, "Distinct durable holds: every request holds a fresh pre-seeded seat, with no release or confirm after it."),
            ScenarioCommand.Create("mixed", ScenarioKind.Mixed, "Zipf popularity over many seats: holds, retries, releases, and repeated Pay clicks."),
            ScenarioCommand.Create("best", ScenarioKind.Best, "Best available: every user asks for the best --best-count seats (pairs) of one hall of --seats seats and confirms them until none fit; reports the orphans left."),
            ScenarioCommand.Create("group", ScenarioKind.Group, "Group holds of 2–4 seats over a shared pool (--seats): all or none, then a group release or confirm."),
        };
        return root.Parse(args).InvokeAsync();
    }
}
