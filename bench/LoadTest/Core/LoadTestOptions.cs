namespace Reservations.LoadTest.Core;

/// <summary>Everything one run needs, whoever starts it (the CLI or a test).</summary>
public sealed record LoadTestOptions
{
    public required ScenarioKind Scenario { get; init; }

    public required string AdminUser { get; init; }

    public required string AdminPassword { get; init; }

    public int Users { get; init; } = 200;

    public int Connections { get; init; } = 64;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>How long a winner keeps its hold before it releases or confirms.</summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The engine's hold duration (Reservations:HoldDuration); null learns it from the grants.</summary>
    public TimeSpan? HoldDuration { get; init; }

    /// <summary>hot-seat: confirm instead of release (the seat is then booked and the crowd moves to the next one).</summary>
    public bool Confirm { get; init; }

    /// <summary>mixed: how many seats share the skewed popularity.</summary>
    public int Seats { get; init; } = 10_000;

    /// <summary>best: how many seats each request asks for together.</summary>
    public int BestCount { get; init; } = 2;

    /// <summary>mixed: the Zipf exponent of seat popularity.</summary>
    public double ZipfExponent { get; init; } = 1.0;

    /// <summary>How many times a confirm answered 503 or not at all is sent again (same token and paymentId).</summary>
    public int ConfirmRetries { get; init; } = 10;

    /// <summary>The longest pause before a retry, whatever Retry-After asks.</summary>
    public TimeSpan RetryAfterCap { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Also measure GET /health/live with the same users and duration, as this machine's HTTP ceiling.</summary>
    public bool MeasureCeiling { get; init; }

    /// <summary>
    /// Seat-map clients (GET /seats/live on the scenario's entity) kept open for the whole run, as browsers
    /// showing the live map would: their cost on the hot path is what comparing 0 with 100 measures.
    /// </summary>
    public int Watchers { get; init; }

    /// <summary>Register a webhook endpoint for every event type, received by a local sink that answers at once.</summary>
    public bool Webhooks { get; init; }

    /// <summary>The endpoint of <see cref="Webhooks"/> is a batching one.</summary>
    public bool WebhookBatches { get; init; }

    /// <summary>Where the sink of <see cref="Webhooks"/> listens, once started.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>How many signups run at once (each costs the engine ~0.3 s of PBKDF2).</summary>
    public int SignupConcurrency { get; init; } = 8;
}
