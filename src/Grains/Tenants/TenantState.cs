namespace Reservations.Grains.Tenants;

/// <summary>A tenant as stored: the API key only as its SHA-256.</summary>
[GenerateSerializer, Alias("reservations.tenant-state")]
public sealed class TenantState
{
    [Id(0)]
    public bool Created { get; set; }

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public TenantDomain Domain { get; set; }

    [Id(3)]
    public List<string> AllowedOrigins { get; set; } = [];

    [Id(4)]
    public bool Enabled { get; set; }

    [Id(5)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(6)]
    public byte[] KeyHash { get; set; } = [];

    [Id(7)]
    public TenantUsage Usage { get; set; } = TenantUsage.Zero;

    /// <summary>The app's own hold limits; null: the engine's.</summary>
    [Id(8)]
    public HoldLimits? HoldLimits { get; set; }

    /// <summary>The app's own abuse limits; null: the engine's.</summary>
    [Id(10)]
    public AbuseLimits? Limits { get; set; }
}
