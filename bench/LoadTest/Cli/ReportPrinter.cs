using System.Globalization;
using Reservations.LoadTest.Core;
using Spectre.Console;

namespace Reservations.LoadTest.Cli;

/// <summary>The end-of-run tables: figures per phase, counts per outcome (and per gateway), and the invariant verdict.</summary>
internal static class ReportPrinter
{
    public static string Ms(TimeSpan value) => $"{value.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms";

    public static void Print(IAnsiConsole console, LoadTestReport report)
    {
        var options = report.Options;
        var gateways = report.Measured.Gateways.Count;
        var connections = gateways == 1 ? $"{options.Connections} connections" : $"{gateways} gateways × {options.Connections} connections ({report.Spread})";
        console.WriteLine();
        console.MarkupLine(
            $"[bold]{report.Scenario}[/]: {options.Users} users, {connections}, {options.Duration.TotalSeconds:F0} s measured"
            + $" after {options.Warmup.TotalSeconds:F0} s warm-up, hold-for {options.HoldFor.TotalMilliseconds:F0} ms");

        var figures = new Table().Border(TableBorder.Rounded)
            .AddColumn("phase").AddColumn("requests").AddColumn("req/s").AddColumn("p50").AddColumn("p90").AddColumn("p99").AddColumn("max");
        foreach (var phase in new[] { report.Measured, report.Ceiling }.OfType<PhaseResult>())
        {
            figures.AddRow(
                Markup.Escape(phase.Name), phase.Requests.ToString("N0", CultureInfo.InvariantCulture),
                phase.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(phase.P50), Ms(phase.P90), Ms(phase.P99), Ms(phase.Max));
        }

        console.Write(figures);
        if (report.Watchers is { } watchers)
        {
            PrintWatchers(console, watchers, report.Measured.Elapsed);
        }
        if (report.CeilingRatio is { } ratio)
        {
            console.MarkupLine($"Scenario throughput is [bold]{ratio.ToString("P1", CultureInfo.InvariantCulture)}[/] of GET /health/live on the same engine.");
        }

        var outcomes = new Table().Border(TableBorder.Rounded).AddColumn("outcome").AddColumn(new TableColumn("count").RightAligned());
        foreach (var outcome in report.Measured.Outcomes)
        {
            outcomes.AddRow(Markup.Escape(outcome.Label), outcome.Count.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(outcomes);
        if (gateways > 1)
        {
            PrintGateways(console, report.Measured);
        }

        var measured = report.Measured;
        console.MarkupLine(
            $"Failover: {measured.CountOf(503):N0} answered 503, {measured.CountOf(0):N0} transport errors (refused, reset or timed out), "
            + $"{measured.ConfirmRetries:N0} confirm retries, {measured.ConfirmsGivenUp:N0} confirms given up (outcome unknown).");

        foreach (var note in report.Notes)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }

        var invariants = report.Invariants;
        console.MarkupLine(
            $"Invariants: {invariants.HoldsChecked:N0} holds, {invariants.ConfirmsChecked:N0} confirms, {invariants.EngineBookings:N0} engine bookings checked"
            + $" (hold duration {invariants.HoldDuration.TotalSeconds:F3} s).");
        if (invariants.Passed)
        {
            console.MarkupLine("[green]No invariant violated.[/]");
            return;
        }

        var violations = new Table().Border(TableBorder.Heavy).Title("[red bold]INVARIANT VIOLATIONS[/]").AddColumn("invariant").AddColumn("what was seen");
        foreach (var violation in invariants.Violations)
        {
            violations.AddRow(Markup.Escape(violation.Invariant), Markup.Escape(violation.Detail));
        }

        console.Write(violations);
    }

    private static void PrintWatchers(IAnsiConsole console, WatcherReport watchers, TimeSpan measured)
    {
        static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var perSecond = measured > TimeSpan.Zero ? watchers.SeatEventsMeasured / measured.TotalSeconds : 0;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("seat-map clients").AddColumn("snapshots").AddColumn("seat events").AddColumn("measured").AddColumn("events/s")
            .AddColumn("keep-alives").AddColumn("streams ended").AddColumn("failed connects");
        table.AddRow(
            N(watchers.Watchers), N(watchers.Snapshots), N(watchers.SeatEvents), N(watchers.SeatEventsMeasured),
            perSecond.ToString("N0", CultureInfo.InvariantCulture), N(watchers.KeepAlives), N(watchers.StreamsEnded), N(watchers.Failures));
        console.Write(table);
    }

    private static void PrintGateways(IAnsiConsole console, PhaseResult phase)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("gateway").AddColumn(new TableColumn("requests").RightAligned()).AddColumn("outcomes");
        foreach (var gateway in phase.Gateways)
        {
            table.AddRow(
                Markup.Escape(gateway.Url), gateway.Requests.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("  ", gateway.Outcomes.Select(o => $"{o.Label}: {o.Count.ToString("N0", CultureInfo.InvariantCulture)}"))));
        }

        console.Write(table);
    }
}
