namespace Reservations.Grains.Seats;

/// <summary>A seat as stored. Only hashes of reservation tokens are kept, never the tokens.</summary>
public sealed class SeatState
{
    public SeatDefinition? Definition { get; set; }

    public SeatStatus Status { get; set; }

    public byte[]? HoldTokenHash { get; set; }

    public string? HolderUserId { get; set; }

    public DateTimeOffset? HeldUntil { get; set; }

    public Booking? Booking { get; set; }

    public byte[]? BookingTokenHash { get; set; }
}
