using System.ComponentModel.DataAnnotations;

namespace Reservations.Grains.Health;

/// <summary>Readiness checks (configuration section "Health").</summary>
public sealed class EngineHealthOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Health";

    /// <summary>How long one storage check answers every readiness probe; 0 checks storage on every probe.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan StorageCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
