using System.CommandLine;
using Reservations.LoadTest.Core;
using Reservations.LoadTest.Engine;
using Spectre.Console;

namespace Reservations.LoadTest.Cli;

/// <summary>One scenario as a command: read the options, start the engine if asked, run, print, exit code.</summary>
internal static class ScenarioCommand
{
    public static Command Create(string name, ScenarioKind scenario, string description)
    {
        var options = new CliOptions();
        var command = new Command(name, description);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, scenario, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliOptions cli, ScenarioKind scenario, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        ChildEngine? engine = null;
        try
        {
            var child = parse.GetValue(cli.Engine) == "child";
            if (child)
            {
                console.MarkupLine("[grey]Starting the engine...[/]");
                engine = await ChildEngine.StartAsync(
                    new ChildEngineOptions(parse.GetValue(cli.EngineDll), parse.GetValue(cli.Postgres), parse.GetValue(cli.ServerCpus)), cancellationToken);
                console.MarkupLine($"[grey]Engine up at {engine.BaseAddress} (log: {Markup.Escape(engine.LogPath)}).[/]");
            }

            var adminUser = engine?.AdminUser ?? parse.GetValue(cli.AdminUser) ?? Environment.GetEnvironmentVariable("RESERVATIONS_ADMIN_USER");
            var adminPassword = engine?.AdminPassword ?? parse.GetValue(cli.AdminPassword) ?? Environment.GetEnvironmentVariable("RESERVATIONS_ADMIN_PASSWORD");
            if (string.IsNullOrEmpty(adminUser) || string.IsNullOrEmpty(adminPassword))
            {
                throw new LoadTestException("Admin credentials are needed: --admin-user/--admin-password or RESERVATIONS_ADMIN_USER/RESERVATIONS_ADMIN_PASSWORD.");
            }

            var options = new LoadTestOptions
            {
                Scenario = scenario,
                AdminUser = adminUser,
                AdminPassword = adminPassword,
                Users = parse.GetValue(cli.Users),
                Connections = parse.GetValue(cli.Connections),
                Duration = parse.GetValue(cli.Duration),
                Warmup = parse.GetValue(cli.Warmup),
                HoldFor = parse.GetValue(cli.HoldFor),
                HoldDuration = parse.GetValue(cli.HoldDuration),
                Confirm = parse.GetValue(cli.Confirm),
                Seats = parse.GetValue(cli.Seats),
                BestCount = parse.GetValue(cli.BestCount),
                ZipfExponent = parse.GetValue(cli.Zipf),
                ConfirmRetries = parse.GetValue(cli.ConfirmRetries),
                RetryAfterCap = parse.GetValue(cli.RetryAfterCap),
                MeasureCeiling = parse.GetValue(cli.Ceiling) ?? child,
                Watchers = parse.GetValue(cli.Watchers),
                Webhooks = parse.GetValue(cli.Webhooks) || parse.GetValue(cli.WebhookBatches),
                WebhookBatches = parse.GetValue(cli.WebhookBatches),
            };

            var urls = engine is null ? parse.GetValue(cli.Urls)! : [engine.BaseAddress];
            var spread = parse.GetValue(cli.Spread) == "per-request" ? GatewaySpread.PerRequest : GatewaySpread.PerUser;
            using var gateways = Gateways.Create(urls, options.Connections, spread, options.Watchers);
            var report = await new LoadTestRunner(gateways, options, new SpectreObserver(console)).RunAsync(cancellationToken);
            ReportPrinter.Print(console, report);
            return report.Invariants.Passed ? ExitCodes.Passed : ExitCodes.InvariantViolated;
        }
        catch (LoadTestException exception)
        {
            console.MarkupLine($"[red]Run failed:[/] {Markup.Escape(exception.Message)}");
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Cancelled.[/]");
            return ExitCodes.RunFailed;
        }
        finally
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }
        }
    }
}
