namespace Reservations.Grains.Tenants;

/// <summary>A tenant as stored: the API key only as its SHA-256.</summary>
public sealed class TenantState
{
    public bool Created { get; set; }

    public string Name { get; set; } = "";

    public TenantDomain Domain { get; set; }

    public List<string> AllowedOrigins { get; set; } = [];

    public bool Enabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public byte[] KeyHash { get; set; } = [];

    public TenantUsage Usage { get; set; } = TenantUsage.Zero;
}
