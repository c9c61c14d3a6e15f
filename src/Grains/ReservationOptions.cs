using System.ComponentModel.DataAnnotations;
using Reservations.Grains.Tenants;

namespace Reservations.Grains;

/// <summary>Settings of the reservation grains (configuration section "Reservations").</summary>
public sealed class ReservationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Reservations";

    /// <summary>How long a hold lasts; its token is dead afterwards (I5).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each silo sends the usage it counted to the tenants.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan UsageFlushPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>PBKDF2-SHA256 iterations for new password hashes; raising it rehashes each password at its next login (I7).</summary>
    [Range(600_000, 100_000_000)]
    public int PasswordIterations { get; set; } = 600_000;

    /// <summary>How many entities an app may have; seeding a new entity beyond it is refused.</summary>
    [Range(1, 100_000)]
    public int MaxEntitiesPerApp { get; set; } = 10_000;

    /// <summary>How many seats one group hold (<c>POST /reserve-seats</c>) may name.</summary>
    [Range(1, 100)]
    public int MaxSeatsPerHold { get; set; } = 10;

    /// <summary>What one <c>POST /extend-hold</c> adds to a hold's end.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HoldExtension { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a hold may be extended.</summary>
    [Range(0, 100)]
    public int MaxHoldExtensions { get; set; } = 3;

    /// <summary>The longest an extended hold may last, counted from when it was granted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxHoldTotal { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after <c>POST /payment-started</c> a hold is kept for its confirmation.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PaymentGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a finished webhook delivery (delivered, or failed for good) stays listed and replayable,
    /// counted from its event; pending deliveries stay until they finish.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan WebhookRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The hold limits of an app that has none of its own.</summary>
    public HoldLimits HoldLimits => new(MaxHoldExtensions, HoldExtension, MaxHoldTotal, PaymentGrace);
}
