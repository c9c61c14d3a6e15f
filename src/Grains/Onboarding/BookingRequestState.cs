namespace Reservations.Grains.Onboarding;

/// <summary>A booking request as stored: its link only as the token's SHA-256 (hex).</summary>
[GenerateSerializer, Alias("reservations.booking-request-state")]
public sealed class BookingRequestState
{
    [Id(0)]
    public BookingRequestData? Request { get; set; }

    [Id(1)]
    public string TokenHash { get; set; } = "";

    [Id(2)]
    public DateTimeOffset LinkExpiresAt { get; set; }

    [Id(3)]
    public int LinksSent { get; set; }

    [Id(4)]
    public int CurrentStep { get; set; }

    [Id(5)]
    public Dictionary<int, string> Answers { get; set; } = [];

    /// <summary>The app id chosen when activation began: a retry after a crash reuses it.</summary>
    [Id(6)]
    public string? PendingAppId { get; set; }

    /// <summary>Set once the app exists; the request is done.</summary>
    [Id(7)]
    public string? AppId { get; set; }

    [Id(8)]
    public DateTimeOffset? ActivatedAt { get; set; }
}
