using Reservations.Grains.Seats;

namespace Reservations.Grains.Groups;

/// <summary>
/// A group hold as stored: the hash of its token (never the token), the holder, the seats, the expiry
/// the seats were given, and the paymentId of its first confirmation, written before any seat is
/// booked so a retry knows which payment to finish and another payment is refused (I3).
/// </summary>
[GenerateSerializer, Alias("reservations.seat-group-state")]
public sealed class SeatGroupState
{
    [Id(0)]
    public byte[]? TokenHash { get; set; }

    [Id(1)]
    public string? UserId { get; set; }

    [Id(2)]
    public string[] SeatIds { get; set; } = [];

    [Id(3)]
    public DateTimeOffset HeldUntil { get; set; }

    [Id(4)]
    public string? PaymentId { get; set; }

    [Id(5)]
    public bool Released { get; set; }

    /// <summary>When the group was granted; extensions count from it.</summary>
    [Id(6)]
    public DateTimeOffset StartedAt { get; set; }

    [Id(7)]
    public int Extensions { get; set; }

    [Id(8)]
    public DateTimeOffset? PaymentStartedAt { get; set; }
}
