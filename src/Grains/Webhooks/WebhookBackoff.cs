namespace Reservations.Grains.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 10 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after
/// each failure, so the last of nine attempts comes 27 h 36 min after the first (at least 24 h).
/// </summary>
public static class WebhookBackoff
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>How many attempts a delivery gets before it is failed for good.</summary>
    public static int MaxAttempts => Delays.Length + 1;

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based); null when it was the last.</summary>
    public static TimeSpan? After(int attempt) => attempt >= 1 && attempt <= Delays.Length ? Delays[attempt - 1] : null;
}
