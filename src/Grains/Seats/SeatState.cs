using Reservations.Grains.Webhooks;

namespace Reservations.Grains.Seats;

/// <summary>
/// A seat's changing state as stored (its definition lives in the catalog). Only hashes of
/// reservation tokens are kept, never the tokens. Version counts the changes.
/// </summary>
[GenerateSerializer, Alias("reservations.seat-state")]
public sealed class SeatState
{
    [Id(0)]
    public SeatStatus Status { get; set; }

    [Id(1)]
    public byte[]? HoldTokenHash { get; set; }

    [Id(2)]
    public string? HolderUserId { get; set; }

    [Id(3)]
    public DateTimeOffset? HeldUntil { get; set; }

    [Id(4)]
    public Booking? Booking { get; set; }

    [Id(5)]
    public byte[]? BookingTokenHash { get; set; }

    [Id(6)]
    public long Version { get; set; }

    /// <summary>When the hold was granted (a group's seat: when its group was); extensions count from it.</summary>
    [Id(7)]
    public DateTimeOffset? HoldStartedAt { get; set; }

    [Id(8)]
    public int Extensions { get; set; }

    /// <summary>Set once payment started on the hold: it is then kept by the payment's grace.</summary>
    [Id(9)]
    public DateTimeOffset? PaymentStartedAt { get; set; }

    /// <summary>
    /// The webhook events of this change, stored with it so that a crash before the outbox has them
    /// loses none: the seat records them again when it next wakes. Null when no endpoint wanted any.
    /// </summary>
    [Id(10)]
    public WebhookEvent[]? Events { get; set; }

    /// <summary>The sales channel the seat is kept for: only holds made with that channel's key get it. Null: public.</summary>
    [Id(11)]
    public string? Channel { get; set; }
}
