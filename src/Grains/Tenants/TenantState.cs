namespace Reservations.Grains.Tenants;

/// <summary>A tenant as stored: its keys only as their SHA-256, its signing secret only as a version to derive it from.</summary>
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

    /// <summary>The publishable key's SHA-256; null until one is issued.</summary>
    [Id(9)]
    public byte[]? PublishableKeyHash { get; set; }

    /// <summary>The secret key's SHA-256; null until one is issued.</summary>
    [Id(10)]
    public byte[]? SecretKeyHash { get; set; }

    /// <summary>The payment signing secret's version (WebhookSigner.PaymentSecretOf); 0 until one is issued.</summary>
    [Id(11)]
    public int SigningSecretVersion { get; set; }

    [Id(12)]
    public ConfirmationMode Confirmation { get; set; }

    /// <summary>The app's own abuse limits; null: the engine's.</summary>
    [Id(13)]
    public AbuseLimits? Limits { get; set; }
}
