using System.Collections.Immutable;
using Reservations.Grains.Seats;

namespace Reservations.Grains.Bookings;

/// <summary>
/// The booking ledger: a row per booking, UNIQUE (app, seat), behind /my-bookings and
/// /admin/bookings. The seat grain's state decides a booking (I2); the seat writes it here right
/// after, and again whenever it finds the row might be missing, so the ledger catches up after a
/// crash between the two writes. Implemented by the storage the silo runs on.
/// </summary>
public interface IBookingLedger
{
    /// <summary>
    /// Records the booking, durably before the task completes. Recording the same booking again is
    /// harmless; a different booking of the same seat throws <see cref="LedgerConflictException"/>.
    /// </summary>
    Task RecordAsync(Booking booking);

    /// <summary>Which of <paramref name="seatIds"/> (seats of one app) have a booking.</summary>
    Task<ImmutableHashSet<string>> FindBookedAsync(string appId, IReadOnlyCollection<string> seatIds);

    /// <summary>A page of bookings, newest first.</summary>
    Task<ImmutableArray<Booking>> QueryAsync(BookingQuery query);
}
