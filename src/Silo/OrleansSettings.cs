using System.ComponentModel.DataAnnotations;

namespace Reservations.Silo;

/// <summary>How the silo joins its cluster (configuration section "Orleans").</summary>
public sealed class OrleansSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orleans";

    /// <summary>The cluster this silo belongs to; silos of one cluster share it.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "reservations";

    /// <summary>The service whose grain state and reminders this is: stable across deployments, or the data is lost to it.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ServiceId { get; set; } = "reservations";

    /// <summary>Where silos talk to each other.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Where Orleans clients connect; 0 opens no gateway (the embedded engine needs none).</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>A grain call not answered by then fails; the API answers 503.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How silos find each other: "Localhost" (the default: a cluster of one on 127.0.0.1) or
    /// "Redis" (membership in Redis at ConnectionStrings:Redis; needs shared storage, PostgreSQL).
    /// Not named "Clustering": Orleans reads Orleans:Clustering itself as a provider section.
    /// </summary>
    [Required]
    [AllowedValues("Localhost", "Redis")]
    public string Membership { get; set; } = "Localhost";

    /// <summary>The address other silos and clients reach this silo at (Redis clustering); it listens there too.</summary>
    [Required]
    [RegularExpression(@"^[0-9a-fA-F:.]+$")]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Whether silos find each other through Redis.</summary>
    public bool UsesRedis => Membership == "Redis";

    /// <summary>An activation idle this long is collected (I8). Seats have a shorter age of their own.</summary>
    [Range(typeof(TimeSpan), "00:02:00", "1.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);
}
