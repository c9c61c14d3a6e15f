namespace Reservations.Silo.Observability;

/// <summary>The Prometheus scrape endpoint GET /metrics (configuration section "Metrics").</summary>
public sealed class MetricsSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics";

    /// <summary>Whether GET /metrics is served; unset, each host has its default (src/Silo: on; the API: off).</summary>
    public bool? Enabled { get; set; }
}
