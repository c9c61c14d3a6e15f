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
}
