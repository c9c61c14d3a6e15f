namespace Reservations.Client;

/// <summary>How a <see cref="ReservationsClient"/> calls the engine.</summary>
public sealed class ReservationsClientOptions
{
    /// <summary>The engine's address, e.g. <c>https://reservations.example</c>; unused when the HttpClient has a BaseAddress.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The app's id (<c>x-app-id</c>), sent on every call when set.</summary>
    public string? AppId { get; set; }

    /// <summary>One of the app's keys (<c>x-api-key</c>), sent on every call when set. Keep a secret key out of browsers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Send a new Idempotency-Key on every POST that is not given one (default true): a retried POST then cannot act twice.</summary>
    public bool IdempotencyKeys { get; set; } = true;

    /// <summary>How often a 503 is tried again after its Retry-After (default 3; 0 turns retries off).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest wait between tries, whatever Retry-After says (default 30 seconds).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock the retries wait on; a test's fake clock makes them instant.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
