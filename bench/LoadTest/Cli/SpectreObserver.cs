using System.Diagnostics;
using Reservations.LoadTest.Core;
using Reservations.LoadTest.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Reservations.LoadTest.Cli;

/// <summary>Draws the run live: a progress bar for signups, then requests/s, latency and status counts per phase.</summary>
internal sealed class SpectreObserver(IAnsiConsole console) : IRunObserver
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    public void Stage(string message) => console.MarkupLine($"[grey]{Markup.Escape(message)}...[/]");

    public Task<T> SignUpAsync<T>(int total, Func<IProgress<int>, Task<T>> work) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Signing up {total} users", maxValue: total);
                return await work(new InlineProgress<int>(done => task.Value = done));
            });

    public async Task RunPhaseAsync(string phase, TimeSpan duration, Meter meter, Func<Task> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            await RunPlainAsync(phase, duration, meter, work);
            return;
        }

        await console.Live(Render(phase, duration, meter, 0, 0)).StartAsync(async context =>
        {
            var running = work();
            var lastCount = 0L;
            var lastTime = Stopwatch.GetTimestamp();
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(RefreshEvery));
                var count = meter.Outcomes.Total;
                var rate = (count - lastCount) / Math.Max(Stopwatch.GetElapsedTime(lastTime).TotalSeconds, 0.001);
                (lastCount, lastTime) = (count, Stopwatch.GetTimestamp());
                context.UpdateTarget(Render(phase, duration, meter, rate, count));
            }

            await running;
        });
    }

    // Redirected output: one line every few seconds instead of redrawing a table.
    private async Task RunPlainAsync(string phase, TimeSpan duration, Meter meter, Func<Task> work)
    {
        var running = work();
        var lastCount = 0L;
        var lastTime = Stopwatch.GetTimestamp();
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(PlainEvery));
            var count = meter.Outcomes.Total;
            var rate = (count - lastCount) / Math.Max(Stopwatch.GetElapsedTime(lastTime).TotalSeconds, 0.001);
            (lastCount, lastTime) = (count, Stopwatch.GetTimestamp());
            var statuses = string.Join("  ", meter.Outcomes.Snapshot().Select(o => $"{o.Label}: {o.Count}"));
            console.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{phase} {Math.Min(meter.Elapsed.TotalSeconds, duration.TotalSeconds):F0}/{duration.TotalSeconds:F0} s  {rate:F0} req/s  p50 {ReportPrinter.Ms(meter.Latency.Percentile(0.5))}  p99 {ReportPrinter.Ms(meter.Latency.Percentile(0.99))}  {statuses}"));
        }

        await running;
    }

    private static IRenderable Render(string phase, TimeSpan duration, Meter meter, double rate, long count)
    {
        var elapsed = meter.Elapsed < duration ? meter.Elapsed : duration;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(phase)}[/] {elapsed.TotalSeconds:F0}/{duration.TotalSeconds:F0} s");
        table.AddColumn("requests").AddColumn("req/s now").AddColumn("p50").AddColumn("p99").AddColumn("max").AddColumn("status counts");
        var statuses = string.Join("  ", meter.Outcomes.Snapshot().Select(o => $"{o.Label}: {o.Count}"));
        table.AddRow(
            count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            rate.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            ReportPrinter.Ms(meter.Latency.Percentile(0.5)),
            ReportPrinter.Ms(meter.Latency.Percentile(0.99)),
            ReportPrinter.Ms(meter.Latency.Max),
            Markup.Escape(statuses));
        return table;
    }
}
