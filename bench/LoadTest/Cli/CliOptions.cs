using System.CommandLine;
using System.CommandLine.Parsing;

namespace Reservations.LoadTest.Cli;

/// <summary>The options every scenario command takes (one set per command).</summary>
internal sealed class CliOptions
{
    public Option<Uri[]> Urls { get; } = new("--url")
    {
        Description = "The engine's API (ignored with --engine child). Repeat it or separate by commas to spread the users over several "
            + "gateways of one cluster; setup and the final invariant check go through the first.",
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => [DefaultUrl],
        CustomParser = ParseUrls,
    };

    public Option<string> Spread { get; } = new Option<string>("--spread")
    {
        Description = "per-user: each user is pinned to one --url, round-robin; per-request: a user's consecutive requests rotate over "
            + "the URLs, so a hold made through one gateway is confirmed through another.",
        DefaultValueFactory = _ => "per-user",
    }.AcceptOnlyFromAmong("per-user", "per-request");

    public Option<int> Users { get; } = Positive("--users", 200, "Simulated users, each signed up through /auth/signup.");

    public Option<int> Connections { get; } = Positive(
        "--connections", 64, "HTTP connections per --url (each gateway has a pool of its own), shared by the users sent there.");

    public Option<TimeSpan> Duration { get; } = Time("--duration", TimeSpan.FromSeconds(30), "How long to measure (30s, 2m, ...).");

    public Option<TimeSpan> Warmup { get; } = Time("--warmup", TimeSpan.Zero, "Run the scenario unmeasured first; 60s or more for real figures.");

    public Option<TimeSpan> HoldFor { get; } = Time("--hold-for", TimeSpan.FromMilliseconds(50), "How long a winner keeps its hold before it releases or confirms.");

    public Option<TimeSpan?> HoldDuration { get; } = new("--hold-duration")
    {
        Description = "The engine's Reservations:HoldDuration; learned from the grants when not given.",
        CustomParser = r => DurationParser.TryParse(r.Tokens.Single().Value, out var d) ? d : Fail<TimeSpan?>(r, null),
    };

    public Option<bool> Confirm { get; } = new("--confirm") { Description = "hot-seat: confirm the hold instead of releasing it (a new seat per booking)." };

    public Option<int> Seats { get; } = Positive("--seats", 10_000, "mixed: seats sharing the skewed popularity; group: the shared pool; best: the hall (rows of 20).");

    public Option<int> BestCount { get; } = Positive("--best-count", 2, "best: seats each request asks for together (1 to 10).");

    public Option<double> Zipf { get; } = new("--zipf") { Description = "mixed: Zipf exponent of seat popularity.", DefaultValueFactory = _ => 1.0 };

    public Option<int> ConfirmRetries { get; } = new("--confirm-retries")
    {
        Description = "How many times a confirm answered 503 or not at all is sent again, same token and paymentId (0: never).",
        DefaultValueFactory = _ => 10,
        CustomParser = r => int.TryParse(r.Tokens.Single().Value, out var n) && n >= 0 ? n : Fail(r, 10, "--confirm-retries must be 0 or more."),
    };

    public Option<TimeSpan> RetryAfterCap { get; } = Time(
        "--retry-after-cap", TimeSpan.FromSeconds(5), "Longest pause before a confirm retry: Retry-After is honoured up to this; without one, 100 ms doubling.");

    public Option<int> Watchers { get; } = new("--watchers")
    {
        Description = "Seat-map clients (GET /seats/live on the scenario's entity, spread over the --url gateways) open for the whole run; "
            + "the events they receive are counted and reported. Each has a connection of its own, outside --connections.",
        DefaultValueFactory = _ => 0,
        CustomParser = r => int.TryParse(r.Tokens.Single().Value, out var n) && n >= 0 ? n : Fail(r, 0, "--watchers must be 0 or more."),
    };

    public Option<bool> Webhooks { get; } = new("--webhooks")
    {
        Description = "Register a webhook endpoint for every event type on the run's app, received by a local sink that answers 204 at once; "
            + "the deliveries it receives are reported.",
    };

    public Option<bool> WebhookBatches { get; } = new("--webhook-batches")
    {
        Description = "As --webhooks, with the endpoint registered as a batching one (up to 100 events per request, docs/webhooks.md).",
    };

    public Option<string?> AdminUser { get; } = new("--admin-user") { Description = "Admin username (or env RESERVATIONS_ADMIN_USER)." };

    public Option<string?> AdminPassword { get; } = new("--admin-password") { Description = "Admin password (or env RESERVATIONS_ADMIN_PASSWORD)." };

    public Option<string> Engine { get; } = new Option<string>("--engine")
    {
        Description = "external: load --url; child: start the built engine on a free port and stop it at the end.",
        DefaultValueFactory = _ => "external",
    }.AcceptOnlyFromAmong("external", "child");

    public Option<string?> EngineDll { get; } = new("--engine-dll") { Description = "child: the engine's Reservations.Api.dll (default: src/Api/bin/Release)." };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "child: run the engine on this PostgreSQL connection string instead of SQLite." };

    public Option<string?> ServerCpus { get; } = new("--server-cpus") { Description = "child: pin the engine with taskset -c <cpus> (e.g. 0)." };

    public Option<bool?> Ceiling { get; } = new("--ceiling") { Description = "Also measure GET /health/live as the HTTP ceiling (default: on with --engine child)." };

    public IEnumerable<Option> All =>
    [
        Urls, Spread, Users, Connections, Duration, Warmup, HoldFor, HoldDuration, Confirm, Seats, BestCount, Zipf, ConfirmRetries, RetryAfterCap,
        Watchers, Webhooks, WebhookBatches, AdminUser, AdminPassword, Engine, EngineDll, Postgres, ServerCpus, Ceiling,
    ];

    private static readonly Uri DefaultUrl = new("http://127.0.0.1:5080");

    private static Uri[] ParseUrls(ArgumentResult result)
    {
        var urls = new List<Uri>();
        foreach (var text in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return Fail(result, Array.Empty<Uri>(), $"--url '{text}' is not an http(s) address.");
            }

            urls.Add(uri);
        }

        return urls.Count > 0 ? [.. urls] : Fail(result, Array.Empty<Uri>(), "--url needs at least one address.");
    }

    private static Option<int> Positive(string name, int defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => int.TryParse(r.Tokens.Single().Value, out var n) && n > 0 ? n : Fail(r, defaultValue, $"{name} must be a positive whole number."),
    };

    private static Option<TimeSpan> Time(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => DurationParser.TryParse(r.Tokens.Single().Value, out var d) ? d : Fail(r, defaultValue),
    };

    private static T Fail<T>(ArgumentResult result, T fallback, string? message = null)
    {
        result.AddError(message ?? $"'{result.Tokens.Single().Value}' is not a duration (30s, 500ms, 2m, 00:00:30).");
        return fallback;
    }
}
