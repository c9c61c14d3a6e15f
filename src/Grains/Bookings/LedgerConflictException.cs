namespace Reservations.Grains.Bookings;

/// <summary>The ledger holds another booking for the seat: the database's UNIQUE (app, seat) refused a second one (I2).</summary>
public sealed class LedgerConflictException(string appId, string seatId)
    : Exception($"The booking ledger already holds another booking for seat {seatId} of app {appId}.")
{
    /// <summary>The app.</summary>
    public string AppId { get; } = appId;

    /// <summary>The seat.</summary>
    public string SeatId { get; } = seatId;
}
