using System.CommandLine;
using System.CommandLine.Parsing;

namespace Reservations.LoadTest.Cli;

/// <summary>The options every scenario command takes (one set per command).</summary>
internal sealed class CliOptions
{
    public Option<Uri> Url { get; } = new("--url")
    {
        Description = "The engine to load (ignored with --engine child).",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
        CustomParser = r => Uri.TryCreate(r.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail(r, new Uri("http://127.0.0.1:5080"), $"--url '{r.Tokens.Single().Value}' is not an http(s) address."),
    };

    public Option<int> Users { get; } = Positive("--users", 200, "Simulated users, each signed up through /auth/signup.");

    public Option<int> Connections { get; } = Positive("--connections", 64, "HTTP connections shared by all users.");

    public Option<TimeSpan> Duration { get; } = Time("--duration", TimeSpan.FromSeconds(30), "How long to measure (30s, 2m, ...).");

    public Option<TimeSpan> Warmup { get; } = Time("--warmup", TimeSpan.Zero, "Run the scenario unmeasured first; 60s or more for real figures.");

    public Option<TimeSpan> HoldFor { get; } = Time("--hold-for", TimeSpan.FromMilliseconds(50), "How long a winner keeps its hold before it releases or confirms.");

    public Option<TimeSpan?> HoldDuration { get; } = new("--hold-duration")
    {
        Description = "The engine's Reservations:HoldDuration; learned from the grants when not given.",
        CustomParser = r => DurationParser.TryParse(r.Tokens.Single().Value, out var d) ? d : Fail<TimeSpan?>(r, null),
    };

    public Option<bool> Confirm { get; } = new("--confirm") { Description = "hot-seat: confirm the hold instead of releasing it (a new seat per booking)." };

    public Option<int> Seats { get; } = Positive("--seats", 10_000, "mixed: seats sharing the skewed popularity.");

    public Option<double> Zipf { get; } = new("--zipf") { Description = "mixed: Zipf exponent of seat popularity.", DefaultValueFactory = _ => 1.0 };

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
        Url, Users, Connections, Duration, Warmup, HoldFor, HoldDuration, Confirm, Seats, Zipf,
        AdminUser, AdminPassword, Engine, EngineDll, Postgres, ServerCpus, Ceiling,
    ];

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
